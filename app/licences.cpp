#include "licences.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

struct LicencesText
{
    Q_DECLARE_TR_FUNCTIONS(Licences)
};

QString copyright(const char *package)
{
    return u"/usr/share/doc/%1/copyright"_s.arg(QLatin1String(package));
}

} // namespace

namespace Licences {

QList<Component> components()
{
    // Qt Charts is GPL-3.0 in Qt's open-source release (and in Debian's libqt6charts6), unlike
    // the rest of Qt: it draws the Progress dashboard.
    return {
        {LicencesText::tr("MLOps Roadmap Studio"),
         LicencesText::tr("this program"),
         u"MIT"_s,
         u"https://opensource.org/license/mit"_s,
         u"/usr/share/doc/mlops-studio/LICENSE"_s},
        {u"Qt 6"_s,
         LicencesText::tr("windows, drawing, SQL, SVG"),
         u"LGPL-3.0"_s,
         u"https://www.gnu.org/licenses/lgpl-3.0.html"_s,
         copyright("libqt6core6")},
        {u"Qt Charts"_s,
         LicencesText::tr("the Progress dashboard's charts"),
         u"GPL-3.0"_s,
         u"https://www.gnu.org/licenses/gpl-3.0.html"_s,
         copyright("libqt6charts6")},
        {LicencesText::tr("DejaVu fonts"),
         LicencesText::tr("the application font, compiled in"),
         LicencesText::tr("Bitstream Vera / DejaVu licence"),
         u"https://dejavu-fonts.github.io/License.html"_s,
         copyright("fonts-dejavu-core")},
        {u"md4c"_s,
         LicencesText::tr("reading Markdown"),
         u"MIT"_s,
         u"https://github.com/mity/md4c/blob/master/LICENSE.md"_s,
         copyright("libmd4c0")},
        {u"yaml-cpp"_s,
         LicencesText::tr("reading and writing YAML pipelines"),
         u"MIT"_s,
         u"https://github.com/jbeder/yaml-cpp/blob/master/LICENSE"_s,
         copyright("libyaml-cpp0.7")},
        {u"libyaml"_s,
         LicencesText::tr("checking YAML syntax"),
         u"MIT"_s,
         u"https://github.com/yaml/libyaml/blob/master/License"_s,
         copyright("libyaml-0-2")},
        {u"libpng"_s,
         LicencesText::tr("very large PNG exports"),
         LicencesText::tr("libpng licence (PNG Reference Library License version 2)"),
         u"http://www.libpng.org/pub/png/src/libpng-LICENSE.txt"_s,
         copyright("libpng16-16")},
        {u"SQLite"_s,
         LicencesText::tr("progress.db, through Qt SQL"),
         LicencesText::tr("public domain"),
         u"https://www.sqlite.org/copyright.html"_s,
         copyright("libsqlite3-0")},
    };
}

QString html()
{
    QString rows;
    for (const Component &component : components()) {
        rows += LicencesText::tr("<li><b>%1</b> (%2): <a href=\"%3\">%4</a>; on Debian "
                                 "<code>%5</code></li>")
                    .arg(component.name.toHtmlEscaped(),
                         component.use.toHtmlEscaped(),
                         component.url.toHtmlEscaped(),
                         component.licence.toHtmlEscaped(),
                         component.debianCopyright.toHtmlEscaped());
    }
    return u"<ul>"_s + rows + u"</ul>"_s;
}

} // namespace Licences
