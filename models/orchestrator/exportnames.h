#pragma once

#include <QString>
#include <QStringList>

// The one name sanitizer of the orchestrator exports. Every engine has rules for the names it
// takes (Kubernetes and Argo: DNS-1123 labels; Airflow: task ids and Jinja-friendly param keys;
// GitHub Actions: job and input ids; DVC: stage names; environment variables). Stage names are
// free text, so each export turns them into names of one of three shapes that every target
// accepts, keeps them unique after the change and gives the same result every time.
namespace ExportNames {

enum class Style {
    Kebab,     // "train-churn-model": a-z 0-9 '-' (Argo, Kubernetes, GitHub job ids)
    Snake,     // "train_churn_model": a-z 0-9 '_' (Airflow, DVC, GitHub inputs, Python)
    UpperSnake // "TRAIN_CHURN_MODEL": A-Z 0-9 '_' (environment variables)
};

// Every style starts with a letter, ends with a letter or digit and is at most this long: a
// Kubernetes label, the shortest limit among the targets.
inline constexpr int MaxLength = 63;

// `name` in `style`: letters lose their accents, other characters become one separator, a
// name starting with a digit gets `fallback` in front and an empty one is `fallback`. At most
// `maxLength` characters (cut at a separator where it can).
QString
sanitize(const QString &name, Style style, const QString &fallback, int maxLength = MaxLength);

// sanitize() for each name, in order, made unique: a name taken by an earlier one (or in
// `reserved`) gets "-2", "-3" … (in the style's separator), shortened to still fit. Names that
// differ only in case count as the same, since some targets ignore case.
QStringList uniqueNames(const QStringList &names,
                        Style style,
                        const QString &fallback,
                        const QStringList &reserved = {});

} // namespace ExportNames
