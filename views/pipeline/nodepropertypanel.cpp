#include "pipeline/nodepropertypanel.h"

#include "pipeline/import/pipelineimport.h"
#include "pipeline/nodecatalog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace {

constexpr int KindHeaderRole = Qt::UserRole + 1; // set on the category rows of the Kind combo

// A combo that the mouse wheel changes only once it has focus: scrolling the panel past it must
// not turn the stage into another kind (and remove its edges) by accident.
class FocusWheelComboBox : public QComboBox
{
public:
    using QComboBox::QComboBox;

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        if (hasFocus())
            QComboBox::wheelEvent(event);
        else
            event->ignore(); // to the scroll area around the panel
    }
};

} // namespace

NodePropertyPanel::NodePropertyPanel(const NodeCatalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_kind(new FocusWheelComboBox(this))
    , m_kindDescription(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_tool(new QComboBox(this))
    , m_image(new QLineEdit(this))
    , m_command(new QLineEdit(this))
    , m_parameters(new QTableWidget(0, 2, this))
    , m_removeParameter(new QPushButton(tr("Remove"), this))
    , m_notes(new QPlainTextEdit(this))
    , m_source(new QLabel(this))
    , m_details(new QTableWidget(0, 2, this))
    , m_form(new QWidget(this))
    , m_empty(new QLabel(tr("Select one stage to edit its properties."), this))
{
    m_kind->setFocusPolicy(Qt::StrongFocus);
    m_kind->setToolTip(tr("The lifecycle stage this is: it sets the ports, and the default tool, "
                          "image and command"));
    m_kindDescription->setWordWrap(true);
    m_kindDescription->setForegroundRole(QPalette::PlaceholderText);
    fillKinds();
    m_tool->setEditable(true);
    m_tool->setInsertPolicy(QComboBox::NoInsert);
    m_image->setPlaceholderText(u"registry/image:tag"_s);
    m_command->setPlaceholderText(tr("python train.py --epochs 10"));
    m_command->setToolTip(tr("The container's command. Quote arguments that contain spaces."));
    m_notes->setPlaceholderText(tr("Why this stage is here, what to watch…"));
    m_notes->setTabChangesFocus(true);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_details->horizontalHeader()->setStretchLastSection(true);
    m_details->verticalHeader()->hide();
    m_details->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setWordWrap(true);
    m_details->setMinimumHeight(140);
    m_details->setToolTip(tr("What the source file says about this step, read-only"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(QString(), m_kindDescription);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Tool"), m_tool);
    form->addRow(tr("&Image"), m_image);
    form->addRow(tr("&Command"), m_command);
    form->addRow(tr("Parameters"), createParametersEditor());
    form->addRow(tr("N&otes"), m_notes);
    form->addRow(tr("Source"), m_source);
    form->addRow(tr("&From the file"), m_details);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_empty);
    layout->addStretch(0);

    connect(m_kind, &QComboBox::activated, this, [this](int index) {
        const QString kindId = m_kind->itemData(index).toString();
        if (m_loading || m_node.id.isEmpty() || kindId.isEmpty() || kindId == m_node.kind)
            return;
        emit kindChosen(m_node.id, kindId);
        // By now the graph has changed and setNode() showed it, or it refused: either way the
        // combo shows the node's kind.
        showKind();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        emitEdit(u"name"_s, [&text](PipelineNode &node) { node.name = text; });
    });
    connect(m_tool, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        emitEdit(u"tool"_s, [&text](PipelineNode &node) { node.tool = text; });
    });
    connect(m_image, &QLineEdit::textEdited, this, [this](const QString &text) {
        emitEdit(u"image"_s, [&text](PipelineNode &node) { node.image = text.trimmed(); });
    });
    // The command is parsed when the user is done with it: half-typed quotes are not argv yet.
    connect(m_command, &QLineEdit::editingFinished, this, [this] {
        const QStringList argv = splitCommand(m_command->text());
        emitEdit(u"command"_s, [&argv](PipelineNode &node) { node.command = argv; });
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_notes->toPlainText();
        emitEdit(u"notes"_s, [&text](PipelineNode &node) { node.notes = text; });
    });
    setNode(nullptr);
}

QWidget *NodePropertyPanel::createParametersEditor()
{
    m_parameters->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_parameters->horizontalHeader()->setStretchLastSection(true);
    m_parameters->verticalHeader()->hide();
    m_parameters->setMinimumHeight(110);
    auto *add = new QPushButton(tr("Add"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        auto parameters = tableParameters();
        QString key = tr("key");
        for (int n = 2; std::any_of(parameters.begin(),
                                    parameters.end(),
                                    [&key](const auto &p) { return p.first == key; });
             ++n)
            key = tr("key%1").arg(n);
        parameters.append({key, QString()});
        emitEdit(u"parameters"_s,
                 [&parameters](PipelineNode &node) { node.parameters = parameters; });
        fillParameters();
        m_parameters->setCurrentCell(m_parameters->rowCount() - 1, 0);
        m_parameters->editItem(m_parameters->item(m_parameters->rowCount() - 1, 0));
    });
    connect(m_removeParameter, &QPushButton::clicked, this, [this] {
        const int row = m_parameters->currentRow();
        auto parameters = tableParameters();
        if (row < 0 || row >= parameters.size())
            return;
        parameters.removeAt(row);
        emitEdit(u"parameters"_s,
                 [&parameters](PipelineNode &node) { node.parameters = parameters; });
        fillParameters();
    });
    connect(m_parameters, &QTableWidget::cellChanged, this, [this] {
        if (m_loading)
            return;
        const auto parameters = tableParameters();
        emitEdit(u"parameters"_s,
                 [&parameters](PipelineNode &node) { node.parameters = parameters; });
    });

    auto *box = new QWidget(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_removeParameter);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_parameters);
    layout->addLayout(buttons);
    return box;
}

QList<std::pair<QString, QString>> NodePropertyPanel::tableParameters() const
{
    QList<std::pair<QString, QString>> parameters;
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        const QTableWidgetItem *key = m_parameters->item(row, 0);
        const QTableWidgetItem *value = m_parameters->item(row, 1);
        parameters.append(
            {key ? key->text().trimmed() : QString(), value ? value->text() : QString()});
    }
    return parameters;
}

void NodePropertyPanel::fillParameters()
{
    m_loading = true;
    m_parameters->setRowCount(int(m_node.parameters.size()));
    for (int row = 0; row < m_node.parameters.size(); ++row) {
        const auto &[key, value] = m_node.parameters.at(row);
        m_parameters->setItem(row, 0, new QTableWidgetItem(key));
        m_parameters->setItem(row, 1, new QTableWidgetItem(value));
    }
    m_removeParameter->setEnabled(!m_node.parameters.isEmpty());
    m_loading = false;
}

void NodePropertyPanel::emitEdit(const QString &field,
                                 const std::function<void(PipelineNode &)> &change)
{
    if (m_loading || m_node.id.isEmpty())
        return;
    PipelineNode after = m_node;
    change(after);
    if (after == m_node)
        return;
    const PipelineNode before = m_node;
    m_node = after;
    emit nodeEdited(before, after, field);
}

void NodePropertyPanel::setNode(const PipelineNode *node)
{
    m_form->setVisible(node);
    m_empty->setVisible(!node);
    if (!node) {
        m_node = PipelineNode();
        return;
    }
    const bool sameKind = node->id == m_node.id && node->kind == m_node.kind;
    m_node = *node;
    m_loading = true;
    const NodeKind *kind = m_catalog->kind(node->kind);
    showKind();
    // Only fields whose text differs are set again, so the cursor stays where the user types.
    if (m_name->text() != node->name)
        m_name->setText(node->name);
    if (!sameKind) {
        m_tool->clear();
        if (kind)
            m_tool->addItems(kind->tools);
    }
    if (m_tool->currentText() != node->tool)
        m_tool->setCurrentText(node->tool);
    if (m_image->text() != node->image)
        m_image->setText(node->image);
    if (splitCommand(m_command->text()) != node->command)
        m_command->setText(joinCommand(node->command));
    if (m_notes->toPlainText() != node->notes)
        m_notes->setPlainText(node->notes);
    m_loading = false;
    if (tableParameters() != node->parameters)
        fillParameters();
    fillSource();
}

// Grouped as the palette groups them (NodePalette::populate): categories in the order the
// catalog first names them, each a bold row that cannot be chosen (the arrow keys skip it),
// then its kinds in catalog order.
void NodePropertyPanel::fillKinds()
{
    QStringList categories;
    for (const NodeKind &kind : m_catalog->kinds())
        if (!categories.contains(kind.category))
            categories << kind.category;
    auto *model = static_cast<QStandardItemModel *>(m_kind->model());
    for (const QString &category : std::as_const(categories)) {
        auto *header = new QStandardItem(category);
        header->setFlags(Qt::NoItemFlags);
        QFont bold = m_kind->font();
        bold.setBold(true);
        header->setFont(bold);
        header->setData(true, KindHeaderRole);
        model->appendRow(header);
        for (const NodeKind &kind : m_catalog->kinds()) {
            if (kind.category != category)
                continue;
            m_kind->addItem(kind.name, kind.id);
            m_kind->setItemData(m_kind->count() - 1, kind.description, Qt::ToolTipRole);
        }
    }
    colourKindHeaders();
}

// A disabled row is drawn greyed out, too faint for a heading: headings take the palette's text
// colour, again whenever the theme changes it.
void NodePropertyPanel::colourKindHeaders()
{
    auto *model = static_cast<QStandardItemModel *>(m_kind->model());
    for (int row = 0; row < model->rowCount(); ++row) {
        QStandardItem *item = model->item(row);
        if (item->data(KindHeaderRole).isValid())
            item->setForeground(palette().brush(QPalette::Active, QPalette::WindowText));
    }
}

void NodePropertyPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        colourKindHeaders();
}

// The node's kind in the combo and its description under it. A kind the catalog lacks (a file
// may name one) selects nothing and is named in the empty combo.
void NodePropertyPanel::showKind()
{
    const bool loading = m_loading;
    m_loading = true;
    const int index = m_kind->findData(m_node.kind);
    m_kind->setPlaceholderText(index < 0 ? tr("%1 (unknown kind)").arg(m_node.kind) : QString());
    m_kind->setCurrentIndex(index);
    const NodeKind *kind = m_catalog->kind(m_node.kind);
    m_kindDescription->setText(kind ? kind->description : QString());
    static_cast<QFormLayout *>(m_form->layout())
        ->setRowVisible(m_kindDescription, kind && !kind->description.isEmpty());
    m_loading = loading;
}

// Where an imported stage is written ("ci.yml:12 · GitHub Actions job “build”"), its badges and
// the keys of its source the other fields cannot hold. A drawn stage has none: the rows hide.
void NodePropertyPanel::fillSource()
{
    const NodeSource &source = m_node.source;
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    const bool imported = !source.format.isEmpty();
    form->setRowVisible(m_source, imported);
    form->setRowVisible(m_details, imported && !m_node.details.isEmpty());
    if (!imported)
        return;
    const QString file = m_sourceFile.isEmpty() ? tr("the source") : m_sourceFile;
    const QString where = source.line > 0 ? u"%1:%2"_s.arg(file).arg(source.line) : file;
    const auto format = PipelineImport::formatFromId(source.format);
    QString text
        = tr("%1 — %2 “%3”")
              .arg(where, format ? PipelineImport::formatName(*format) : source.format, source.id);
    if (!m_node.badges.isEmpty())
        text += u"\n"_s + m_node.badges.join(u" · "_s);
    m_source->setText(text);
    m_details->setRowCount(int(m_node.details.size()));
    for (int row = 0; row < m_node.details.size(); ++row) {
        const auto &[key, value] = m_node.details.at(row);
        m_details->setItem(row, 0, new QTableWidgetItem(key));
        auto *item = new QTableWidgetItem(value);
        item->setToolTip(value);
        m_details->setItem(row, 1, item);
    }
    m_details->resizeRowsToContents();
}

QString NodePropertyPanel::joinCommand(const QStringList &argv)
{
    static const QRegularExpression needsQuotes(u"[\\s\"'\\\\]"_s);
    QStringList quoted;
    for (const QString &argument : argv) {
        if (!argument.isEmpty() && !argument.contains(needsQuotes)) {
            quoted << argument;
            continue;
        }
        QString escaped = argument;
        escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
        quoted << u'"' + escaped + u'"';
    }
    return quoted.join(u' ');
}

// Shell-like: whitespace separates arguments; "…" and '…' group (an empty pair is an empty
// argument); a backslash escapes the next character, inside double quotes only " and \.
QStringList NodePropertyPanel::splitCommand(const QString &text)
{
    QStringList argv;
    QString current;
    bool started = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quote == u'\'') {
            if (c == u'\'')
                quote = QChar();
            else
                current += c;
        } else if (quote == u'"') {
            if (c == u'"') {
                quote = QChar();
            } else if (c == u'\\' && i + 1 < text.size()
                       && (text.at(i + 1) == u'"' || text.at(i + 1) == u'\\')) {
                current += text.at(++i);
            } else {
                current += c;
            }
        } else if (c.isSpace()) {
            if (started)
                argv << current;
            current.clear();
            started = false;
        } else {
            started = true;
            if (c == u'"' || c == u'\'')
                quote = c;
            else if (c == u'\\' && i + 1 < text.size())
                current += text.at(++i);
            else
                current += c;
        }
    }
    if (started)
        argv << current;
    return argv;
}
