#pragma once

#include "pipeline/pipelinegraph.h"

#include <QWidget>

#include <functional>

class NodeCatalog;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

// The selected stage's properties: kind, name, tool, container image, command, parameters and
// notes; for an imported stage also where it is in its source file and, read-only, what the
// file said that the stage fields cannot hold.
// It never changes the graph itself: each edit is reported with the node before and after, and
// the workspace turns it into an undoable command (edits of one field merge into one step). A
// kind chosen is reported apart, since the command changing it may also remove edges.
class NodePropertyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NodePropertyPanel(const NodeCatalog *catalog, QWidget *parent = nullptr);

    // Shows a node (nullptr: nothing selected, or several). Fields the user is editing keep
    // their cursor when the node is shown again with the same values (after the command ran).
    void setNode(const PipelineNode *node);
    // The file the pipeline was imported from: an imported node's source reads "file:line".
    void setSourceFile(const QString &path) { m_sourceFile = path; }
    QString nodeId() const { return m_node.id; }

    // The command line as typed (shell-like quoting) <-> argv.
    static QString joinCommand(const QStringList &argv);
    static QStringList splitCommand(const QString &text);

    // The catalog's kinds grouped by category as in the palette; category rows are disabled.
    QComboBox *kindField() const { return m_kind; }
    QLabel *kindDescription() const { return m_kindDescription; }
    QLineEdit *nameField() const { return m_name; }
    QComboBox *toolField() const { return m_tool; }
    QLineEdit *imageField() const { return m_image; }
    QLineEdit *commandField() const { return m_command; }
    QTableWidget *parametersTable() const { return m_parameters; }
    QPlainTextEdit *notesField() const { return m_notes; }
    QLabel *sourceField() const { return m_source; }
    QTableWidget *detailsTable() const { return m_details; }

signals:
    void nodeEdited(const PipelineNode &before, const PipelineNode &after, const QString &field);
    // The user chose another kind for the node shown.
    void kindChosen(const QString &nodeId, const QString &kindId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillKinds();
    void colourKindHeaders();
    void showKind();
    QWidget *createParametersEditor();
    void emitEdit(const QString &field, const std::function<void(PipelineNode &)> &change);
    void fillParameters();
    void fillSource();
    QList<std::pair<QString, QString>> tableParameters() const;

    const NodeCatalog *m_catalog;
    PipelineNode m_node;
    bool m_loading = false;
    QComboBox *m_kind;
    QLabel *m_kindDescription;
    QLineEdit *m_name;
    QComboBox *m_tool;
    QLineEdit *m_image;
    QLineEdit *m_command;
    QTableWidget *m_parameters;
    QPushButton *m_removeParameter;
    QPlainTextEdit *m_notes;
    QLabel *m_source;
    QTableWidget *m_details;
    QString m_sourceFile;
    QWidget *m_form;
    QLabel *m_empty;
};
