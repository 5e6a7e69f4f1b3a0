#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

// Reads values one at a time from JSON text that JsonSyntax::check() accepted, without building
// a document: the fast path for big files. Containers are walked with nextMember() and
// nextElement(); every value they reach must be read or skipped before the next call.
class JsonCursor
{
    Q_DECLARE_TR_FUNCTIONS(JsonCursor)

public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    // `json` must have passed JsonSyntax::check(); `offset` is where a value starts.
    JsonCursor(QByteArrayView json, qsizetype offset);

    qsizetype offset() const { return m_p - m_begin; }
    Type type();                        // of the value at the cursor
    static QString typeName(Type type); // "a string", "an object" …, as JsonReading names them

    QString string();
    double number();
    bool boolean();
    void skip();
    // The value as a QJsonValue; a container becomes an empty one of its type.
    QJsonValue scalar();

    // At '{' or '[': steps inside.
    void enter();
    // In an object: false at its end (stepping past it), or true with the next member's name,
    // decoded (UTF-8), and the cursor at its value.
    bool nextMember(QByteArrayView *key);
    // In an array: false at its end (stepping past it), or true with the cursor at the next value.
    bool nextElement();

private:
    void skipSpace();
    QByteArrayView rawString(); // at the opening quote; steps past the closing one
    QString decode(QByteArrayView raw) const;

    const char *m_begin;
    const char *m_end;
    const char *m_p;
    QByteArray m_keyBuffer; // a decoded member name that had escapes
};
