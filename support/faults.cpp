#include "faults.h"

#include <QLoggingCategory>
#include <QStringList>

#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcFaults, "dockhand.support.faults")

namespace dockhand::faults {

namespace {

struct Point
{
    const char *name;
    std::atomic<int> passes {0};
    std::atomic<int> failAt {0}; // 0: disarmed
};

std::array<Point, 3> g_points {{{kDeviceWrite}, {kHttpRequest}, {kServerStatement}}};
std::once_flag g_environment;
QString g_environmentProblem;

Point *find(const char *name)
{
    for (Point &p : g_points) {
        if (std::strcmp(p.name, name) == 0)
            return &p;
    }
    return nullptr;
}

void readEnvironment()
{
    const QString spec = qEnvironmentVariable("DOCKHAND_FAULTS").trimmed();
    if (spec.isEmpty())
        return;
    QStringList problems;
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        bool ok = false;
        const int nth = parts.size() == 2 ? parts.at(1).toInt(&ok) : 0;
        Point *p = parts.size() == 2 ? find(parts.at(0).toUtf8().constData()) : nullptr;
        if (!p || !ok || nth < 0) {
            problems.append(QStringLiteral("'%1' is not POINT:N with POINT one of %2")
                                .arg(item.trimmed(), points().join(QStringLiteral(", "))));
            continue;
        }
        p->passes = 0;
        p->failAt = nth;
    }
    if (!problems.isEmpty()) {
        g_environmentProblem = QStringLiteral("DOCKHAND_FAULTS: %1").arg(problems.join(QStringLiteral("; ")));
        qCWarning(lcFaults).noquote() << g_environmentProblem;
    }
}

} // namespace

QStringList points()
{
    QStringList names;
    for (const Point &p : g_points)
        names.append(QString::fromLatin1(p.name));
    return names;
}

QString armFromEnvironment()
{
    std::call_once(g_environment, readEnvironment);
    return g_environmentProblem;
}

bool arm(const char *point, int nth)
{
    armFromEnvironment(); // so that a later first pass does not re-arm from the environment
    Point *p = find(point);
    if (!p)
        return false;
    p->passes = 0;
    p->failAt = nth > 0 ? nth : 0;
    return true;
}

int passes(const char *point)
{
    const Point *p = find(point);
    return p ? p->passes.load() : 0;
}

bool pass(const char *point)
{
    armFromEnvironment();
    Point *p = find(point);
    if (!p)
        return false;
    const int n = ++p->passes;
    if (n != p->failAt.load())
        return false;
    qCWarning(lcFaults) << "fault injection:" << point << "fails at pass" << n;
    return true;
}

} // namespace dockhand::faults
