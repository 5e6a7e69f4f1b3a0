#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <string>

// Writes indented JSON in the order the caller gives, which QJsonDocument cannot (it sorts
// keys): files read top-down ("id", "kind", "name" first) and diff well. Also several times
// faster than building a QJsonDocument for a 5,000-node pipeline.
class JsonWriter
{
public:
    // Inline containers are written on one line: edges, argv lists, key/value pairs.
    enum class Layout { Block, Inline };

    void beginObject(Layout layout = Layout::Block);
    void endObject();
    void beginArray(Layout layout = Layout::Block);
    void endArray();
    // The next value or container is this key's.
    void key(const QString &name);
    void value(const QString &text);
    void value(double number); // non-finite numbers, which JSON lacks, are written as 0
    void value(bool flag);
    void integer(qint64 number);
    void null();
    void stringArray(const QStringList &list); // inline

    QByteArray toUtf8() const; // ends with a newline

private:
    struct Level
    {
        bool isInline = false;
        bool empty = true;
    };
    void beginValue();
    void begin(QChar bracket, Layout layout);
    void end(QChar bracket);
    void newline();
    void appendString(const QString &text);
    void append(const QString &text);

    // std::u16string: appending a character or a short run is inline, which QString's is not
    // (a 5,000-stage pipeline is some 500,000 appends).
    std::u16string m_text;
    QList<Level> m_levels;
    bool m_afterKey = false;
};
