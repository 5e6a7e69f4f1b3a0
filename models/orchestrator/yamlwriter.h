#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace YAML {
class Emitter;
}

// YAML for the orchestrator exports, written by yaml-cpp: the emitter quotes and escapes, so
// no user text can change the structure. Every string value is double-quoted (YAML 1.1 readers
// such as Kubernetes take a bare yes, on, 0755, null or ~ for something else), and a string
// holding an invisible character is written with \u escapes. A key stays bare only when no
// reader can take it for anything but that string.
class YamlWriter
{
public:
    YamlWriter();
    ~YamlWriter();

    // Lines starting with '#' at the current position; for generated text only.
    void comment(const QString &text);
    void beginMap();
    void endMap();
    void beginList();
    void endList();
    void key(const QString &key);
    void string(const QString &value);
    void boolean(bool value);
    void emptyMap();

    void entry(const QString &key, const QString &value);
    void entry(const QString &key, bool value);
    // A block list of strings, or [] when empty; a short one on one line ["a", "b"] if asked.
    enum class Layout { Block, FlowWhenShort };
    void list(const QString &key, const QStringList &values, Layout layout = Layout::Block);

    // The document, ending with a newline; empty if the calls did not nest properly.
    QByteArray toUtf8() const;

private:
    std::unique_ptr<YAML::Emitter> m_emitter;
};
