#pragma once

#include <QColor>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Reads one object of a theme in resources/themes/themes.json: the theme itself (prefix empty)
// or its "pipeline" and "dashboard" sections. In the sections every key is required, since the
// resource is the only place the look is written down; the theme's own sizes and font sizes may
// fall back. The first problem is kept, named by its path ("pipeline.colors.edge: …").
struct ThemeSectionReader
{
    const QJsonObject &object;
    QString prefix; // "pipeline", or empty for the theme's own keys
    QString *error;

    void fail(const QString &message) const
    {
        if (error->isEmpty())
            *error = message;
    }
    QString pathOf(const QString &path) const
    {
        return prefix.isEmpty() ? path : prefix + QLatin1Char('.') + path;
    }
    QColor color(const QJsonValue &value, const QString &path) const
    {
        const QColor color = QColor::fromString(value.toString());
        if (!color.isValid())
            fail(QStringLiteral("%1: expected a colour such as \"#1d2733\"").arg(pathOf(path)));
        return color;
    }
    QColor color(const QString &key) const
    {
        return color(object.value(QStringLiteral("colors"))[key], QStringLiteral("colors.") + key);
    }
    double size(const QString &key) const { return size(key, 0, true); }
    // A missing size keeps `fallback`; a wrong one is still an error.
    double size(const QString &key, double fallback) const { return size(key, fallback, false); }
    double size(const QString &key, double fallback, bool required) const
    {
        const QJsonValue value = object.value(QStringLiteral("sizes"))[key];
        if (value.isUndefined() && !required)
            return fallback;
        if (!value.isDouble() || value.toDouble() < 0) {
            fail(QStringLiteral("%1: expected a number of at least 0")
                     .arg(pathOf(QStringLiteral("sizes.") + key)));
            return fallback;
        }
        return value.toDouble();
    }
    int fontSize(const QString &key) const
    {
        const int value = object.value(QStringLiteral("fonts"))[key].toInt(0);
        if (value <= 0)
            fail(QStringLiteral("%1: expected a pixel size above 0")
                     .arg(pathOf(QStringLiteral("fonts.") + key)));
        return value;
    }
    // A missing font size, or one not above 0, keeps `fallback`.
    int fontSize(const QString &key, int fallback) const
    {
        const int value = object.value(QStringLiteral("fonts"))[key].toInt(fallback);
        return value > 0 ? value : fallback;
    }
};
