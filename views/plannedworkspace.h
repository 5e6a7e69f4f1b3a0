#pragma once

#include <QWidget>

// A workspace whose own work has not landed yet: it says plainly what it will hold, with no
// sample data standing in for the user's.
class PlannedWorkspace : public QWidget
{
    Q_OBJECT

public:
    PlannedWorkspace(const QString &title,
                     const QString &description,
                     const QStringList &plannedFeatures,
                     QWidget *parent = nullptr);
};
