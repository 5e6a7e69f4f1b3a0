#pragma once

#include <QColor>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Reads one object of a theme in resources/themes/themes.json ("pipeline",
// "dashboard"): every key is required, since the resource is the only place the look is
// written down. The first problem is kept, named by its path ("pipeline.colors.edge: …").
struct ThemeSectionReader
{
    const QJsonObject &object;
    QString prefix; // "pipeline"
    QString *error;

    void fail(const QString &message) const
    {
        if (error->isEmpty())
            *error = message;
    }
    QColor color(const QJsonValue &value, const QString &path) const
    {
        const QColor color = QColor::fromString(value.toString());
        if (!color.isValid())
            fail(QStringLiteral("%1.%2: expected a colour such as \"#1d2733\"").arg(prefix, path));
        return color;
    }
    QColor color(const QString &key) const
    {
        return color(object.value(QStringLiteral("colors"))[key], QStringLiteral("colors.") + key);
    }
    double size(const QString &key) const
    {
        const QJsonValue value = object.value(QStringLiteral("sizes"))[key];
        if (!value.isDouble() || value.toDouble() < 0) {
            fail(QStringLiteral("%1.sizes.%2: expected a number of at least 0").arg(prefix, key));
            return 0;
        }
        return value.toDouble();
    }
    int fontSize(const QString &key) const
    {
        const int value = object.value(QStringLiteral("fonts"))[key].toInt(0);
        if (value <= 0)
            fail(QStringLiteral("%1.fonts.%2: expected a pixel size above 0").arg(prefix, key));
        return value;
    }
};
