#pragma once

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

// The README and the manual's pages (docs/*.md) as the documentation tests read them: their
// paths and their fenced code blocks.
namespace ManualPages {

// README.md and every docs/*.md, absolute, README first.
inline QStringList paths()
{
    const QDir root(QStringLiteral(MLOPS_SOURCE_DIR));
    QStringList pages{root.filePath(QStringLiteral("README.md"))};
    const QDir docs(root.filePath(QStringLiteral("docs")));
    for (const QString &name : docs.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        pages << docs.filePath(name);
    return pages;
}

inline QString read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// A path relative to the source folder, for messages.
inline QString shortPath(const QString &path)
{
    return QDir(QStringLiteral(MLOPS_SOURCE_DIR)).relativeFilePath(path);
}

struct Line
{
    int number = 0; // 1-based
    QString text;
};

struct CodeBlock
{
    QString language; // the fence's info string ("sh", "yaml", empty)
    QList<Line> lines;
};

// A line that opens or closes a fence: ``` after up to three spaces, as CommonMark has it
// (https://spec.commonmark.org/0.30/#fenced-code-blocks); the README indents a block inside a
// list item by three.
inline bool isFence(const QString &line, QString *info = nullptr)
{
    const QString trimmed = line.trimmed();
    const qsizetype indent = line.indexOf(trimmed.isEmpty() ? QChar() : trimmed.front());
    if (!trimmed.startsWith(QStringLiteral("```")) || indent > 3)
        return false;
    if (info)
        *info = trimmed.mid(3).trimmed();
    return true;
}

// Every fenced block of a page, with its lines (their indentation as written).
inline QList<CodeBlock> codeBlocks(const QString &text)
{
    QList<CodeBlock> blocks;
    bool inBlock = false;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString info;
        if (isFence(lines.at(i), &info)) {
            if (!inBlock)
                blocks << CodeBlock{info, {}};
            inBlock = !inBlock;
        } else if (inBlock) {
            blocks.last().lines << Line{int(i + 1), lines.at(i)};
        }
    }
    return blocks;
}

// The lines outside fenced blocks: where Markdown links and headings are.
inline QList<Line> proseLines(const QString &text)
{
    QList<Line> prose;
    bool inBlock = false;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isFence(lines.at(i)))
            inBlock = !inBlock;
        else if (!inBlock)
            prose << Line{int(i + 1), lines.at(i)};
    }
    return prose;
}

} // namespace ManualPages
