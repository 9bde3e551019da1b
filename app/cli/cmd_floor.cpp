// dockhand-cli floor: the app's floor workflows without a screen, for end-to-end tests and support.
// It builds the same AppCore the app builds (scanner, scale, queue, sync, WorkflowRouter with the
// operator session and the pick and pack workflows); scans come from the serial scanner as in the
// app. What an operator taps on the screen (keypad quantity, short-pick reason, carton type, close
// carton ...) is one line on stdin, and each line calls exactly the Q_INVOKABLE the QML button
// calls. It is a dispatcher and a printer, nothing else: every decision stays in the workflows.
//
// Output (stdout, one line each, flushed): state changes of the session, router, pick and pack
// workflows, every feedback, every committed event, sync status and closed cartons. See
// docs/cli.md for the exact lines.

#include "commands.h"

#include "appcore.h"
#include "quitonsignal.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

namespace dockhand::cli {

namespace {

void say(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

template<typename E> QString enumName(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

// The operator's view of the floor workflows, printed as lines. Consecutive identical state lines
// (a state change and a current-line change often come together) are printed once.
class FloorPrinter
{
public:
    explicit FloorPrinter(AppCore *core) : m_core(core) { }

    void connectAll();
    void printAll(); // every state line again, e.g. after "status"

    void session(bool force = false)
    {
        const OperatorSession *s = m_core->workflows()->session();
        once(&m_session,
            QStringLiteral("session %1 badge=%2 role=%3").arg(enumName(s->state()), s->badge(), s->role()),
            force);
    }
    void pick(bool force = false)
    {
        PickWorkflow *p = m_core->workflows()->pick();
        once(&m_pick,
            QStringLiteral("pick %1 task=%2 order=%3 location=%4 gtin=%5 quantity=%6 picked=%7 tote=%8 "
                           "binding=%9 missing=%10")
                .arg(enumName(p->state()), p->taskId(), p->currentOrder(), p->currentLocation(),
                    p->currentGtin())
                .arg(p->currentQuantity())
                .arg(p->currentPicked())
                .arg(p->currentTote(), p->bindingOrder(), p->missingDetails().join(QLatin1Char(','))),
            force);
    }
    void pack(bool force = false)
    {
        PackWorkflow *p = m_core->workflows()->pack();
        once(&m_pack,
            QStringLiteral("pack %1 order=%2 tote=%3 carton=%4 type=%5 weight=%6 units=%7 closed=%8")
                .arg(enumName(p->state()), p->order(), p->tote())
                .arg(p->cartonIndex())
                .arg(p->cartonType())
                .arg(p->weightKg())
                .arg(p->unitsInCarton())
                .arg(p->cartonsClosed()),
            force);
    }
    void tasks()
    {
        PickTaskModel *model = m_core->workflows()->pick()->tasks();
        QStringList ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.append(model->at(row).id);
        say(QStringLiteral("tasks %1").arg(ids.isEmpty() ? QStringLiteral("-") : ids.join(QLatin1Char(','))));
    }
    void sync(bool force = false)
    {
        const SyncMonitor *s = m_core->sync();
        once(&m_sync,
            QStringLiteral("sync online=%1 backlog=%2 downloaded=%3")
                .arg(yesNo(s->online()))
                .arg(s->backlog())
                .arg(yesNo(s->lastDownload().isValid())),
            force);
    }

private:
    static void once(QString *last, const QString &line, bool force)
    {
        if (!force && *last == line)
            return;
        *last = line;
        say(line);
    }
    void feedback(const Feedback *f)
    {
        say(QStringLiteral("feedback %1 %2 %3").arg(f->step(), f->result(), f->message()));
    }

    AppCore *m_core;
    QString m_session;
    QString m_pick;
    QString m_pack;
    QString m_sync;
};

void FloorPrinter::connectAll()
{
    WorkflowRouter *router = m_core->workflows();
    OperatorSession *session = router->session();
    PickWorkflow *pick = router->pick();
    PackWorkflow *pack = router->pack();

    // Every workflow's feedback, from a scan or a button, is the device's one Feedback.
    QObject::connect(
        m_core->feedback(), &Feedback::changed, m_core, [this, f = m_core->feedback()] { feedback(f); });
    QObject::connect(session, &OperatorSession::stateChanged, session, [this] { this->session(); });
    QObject::connect(router, &WorkflowRouter::activeChanged, router,
        [router] { say(QStringLiteral("active %1").arg(router->active())); });
    QObject::connect(pick, &PickWorkflow::stateChanged, pick, [this] { this->pick(); });
    QObject::connect(pick, &PickWorkflow::currentChanged, pick, [this] { this->pick(); });
    QObject::connect(pick->tasks(), &QAbstractItemModel::modelReset, pick, [this] { tasks(); });
    QObject::connect(pick, &PickWorkflow::batchFinished, pick, [pick] {
        QStringList totes;
        for (const QVariant &v : pick->totes()) {
            const QVariantMap t = v.toMap();
            totes.append(QStringLiteral("%1:%2").arg(
                t.value(QStringLiteral("tote")).toString(), t.value(QStringLiteral("order")).toString()));
        }
        say(QStringLiteral("pick-summary task=%1 picked=%2 short=%3 seconds=%4 totes=%5")
                .arg(pick->taskId())
                .arg(pick->linesPicked())
                .arg(pick->linesShort())
                .arg(pick->elapsedSeconds())
                .arg(totes.join(QLatin1Char(','))));
    });
    QObject::connect(pack, &PackWorkflow::stateChanged, pack, [this] { this->pack(); });
    QObject::connect(pack, &PackWorkflow::cartonChanged, pack, [this] { this->pack(); });
    QObject::connect(pack, &PackWorkflow::cartonClosed, pack, [](const CartonInfo &carton) {
        QStringList items;
        for (const CartonItem &item : carton.items)
            items.append(QStringLiteral("%1:%2:%3").arg(item.line).arg(item.gtin).arg(item.quantity));
        say(QStringLiteral("carton %1 order=%2 type=%3 weight=%4 index=%5 last=%6 items=%7")
                .arg(carton.cartonId, carton.order, carton.cartonType)
                .arg(carton.weightKg)
                .arg(carton.index)
                .arg(yesNo(carton.lastOfOrder), items.join(QLatin1Char(','))));
    });

    QObject::connect(m_core->recorder(), &ScanRecorder::recorded, m_core, [](const QueuedEvent &e) {
        say(QStringLiteral("event %1 %2 %3 %4 %5")
                .arg(e.event.sequence)
                .arg(e.event.step, e.event.fields.value(QLatin1String("action")).toString(), e.event.result,
                    e.event.id.toString(QUuid::WithoutBraces)));
    });
    QObject::connect(m_core->sync(), &SyncMonitor::changed, m_core, [this] { sync(); });
    QObject::connect(m_core, &AppCore::cacheChanged, m_core, [] { say(QStringLiteral("cache changed")); });
    QObject::connect(m_core->device(), &DeviceStatus::scannerChanged, m_core, [device = m_core->device()] {
        say(QStringLiteral("scanner %1 %2").arg(device->scannerState(), device->scannerMessage()));
    });
}

void FloorPrinter::printAll()
{
    session(true);
    say(QStringLiteral("active %1").arg(m_core->workflows()->active()));
    tasks();
    pick(true);
    pack(true);
    sync(true);
}

// One stdin line: the tap the QML screen would make. Returns false for an unknown or malformed line.
bool dispatch(AppCore *core, FloorPrinter *printer, const QStringList &words, QString *result)
{
    WorkflowRouter *router = core->workflows();
    OperatorSession *session = router->session();
    PickWorkflow *pick = router->pick();
    PackWorkflow *pack = router->pack();
    const QString verb = words.value(0);
    const qsizetype argc = words.size() - 1;
    const auto arg = [&words](int i) {
        const QString value = words.value(i);
        return value == QLatin1String("-") ? QString() : value;
    };
    const auto boolResult
        = [result](bool ok) { *result = ok ? QStringLiteral("true") : QStringLiteral("false"); };
    // The first argument as a number, for the keypad calls (refused here when it is not one).
    bool isInt = false;
    bool isReal = false;
    const int intArg = words.value(1).toInt(&isInt);
    const double realArg = words.value(1).toDouble(&isReal);

    if (verb == QLatin1String("open") && argc == 1)
        boolResult(router->open(arg(1)));
    else if (verb == QLatin1String("login") && argc == 2)
        session->loginWithPin(arg(1), arg(2));
    else if (verb == QLatin1String("pin") && argc == 1)
        session->submitPin(arg(1));
    else if (verb == QLatin1String("cancel") && argc == 0)
        session->cancel();
    else if (verb == QLatin1String("logout") && argc == 0)
        session->logout();
    else if (verb == QLatin1String("pick.refresh") && argc == 0)
        pick->refreshTasks();
    else if (verb == QLatin1String("pick.start") && argc == 1)
        boolResult(pick->startTask(arg(1)));
    else if (verb == QLatin1String("pick.qty") && argc == 1 && isInt)
        pick->enterQuantity(intArg);
    else if (verb == QLatin1String("pick.details") && argc == 3)
        pick->enterDetails(arg(1), arg(2), arg(3));
    else if (verb == QLatin1String("pick.short") && argc == 1)
        pick->shortPick(arg(1));
    else if (verb == QLatin1String("pick.skip") && argc == 0)
        pick->skipLine();
    else if (verb == QLatin1String("pick.finish") && argc == 0)
        pick->finish();
    else if (verb == QLatin1String("pack.open") && argc == 1)
        pack->openOrder(arg(1));
    else if (verb == QLatin1String("pack.partial") && argc == 0)
        pack->packPartial();
    else if (verb == QLatin1String("pack.carton") && argc == 1)
        pack->chooseCarton(arg(1));
    else if (verb == QLatin1String("pack.weight") && argc == 1 && isReal)
        pack->enterWeight(realArg);
    else if (verb == QLatin1String("pack.close") && argc == 0)
        pack->closeCarton();
    else if (verb == QLatin1String("pack.back") && argc == 0)
        pack->backToItems();
    else if (verb == QLatin1String("pack.damage") && argc == 2 && isInt)
        pack->flagDamage(intArg, arg(2));
    else if (verb == QLatin1String("pack.finish") && argc == 0)
        pack->finish();
    else if (verb == QLatin1String("status") && argc == 0)
        printer->printAll();
    else if (verb == QLatin1String("quit") && argc == 0)
        QCoreApplication::quit();
    else
        return false;
    return true;
}

constexpr auto kCommands = "open home|pick|pack; login BADGE PIN; pin PIN; cancel; logout; "
                           "pick.refresh; pick.start TASK; pick.qty N; pick.details LOT EXPIRY SERIAL; "
                           "pick.short REASON; pick.skip; pick.finish; pack.open ORDER; pack.partial; "
                           "pack.carton CODE; pack.weight KG; pack.close; pack.back; "
                           "pack.damage LINE REASON; pack.finish; status; quit ('-' is an empty argument)";

} // namespace

int runFloor(const QStringList &args)
{
    AppConfig config;
    config.deviceId = QStringLiteral("floor-01");
    config.deviceName = QStringLiteral("Floor (headless)");
    QString error;
    if (!AppConfig::fromArguments(
            QStringList {QStringLiteral("dockhand-cli floor")} + args, &config, &error)) {
        const bool help = args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"));
        std::fprintf(help ? stdout : stderr, "%s\n%s\n", qPrintable(error),
            help ? (QByteArray("stdin commands: ") + kCommands).constData() : "");
        return help ? 0 : 2;
    }

    AppCore core(config);
    FloorPrinter printer(&core);
    printer.connectAll();
    quitOnSignals();
    core.start();
    if (ScaleReader *scale = core.scale()) {
        QObject::connect(
            scale, &ScaleReader::stateChanged, &core, [](ScaleReader::State state, const QString &message) {
                say(QStringLiteral("scale %1 %2").arg(enumName(state), message));
            });
        QObject::connect(scale, &ScaleReader::stableWeight, &core,
            [](double kg) { say(QStringLiteral("scale-reading %1").arg(kg)); });
        say(QStringLiteral("scale %1").arg(enumName(scale->state())));
    }

    // stdin: one command per line; end of input quits like "quit".
    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &core, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        pending.append(buffer, n);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end)).trimmed();
            pending.remove(0, end + 1);
            const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (words.isEmpty())
                continue;
            QString result;
            if (!dispatch(&core, &printer, words, &result)) {
                say(QStringLiteral("error unknown or malformed command '%1'; commands: %2")
                        .arg(line, QLatin1String(kCommands)));
                continue;
            }
            say(result.isEmpty() ? QStringLiteral("done %1").arg(line)
                                 : QStringLiteral("done %1 -> %2").arg(line, result));
        }
    });

    printer.printAll();
    say(QStringLiteral("ready %1").arg(config.deviceId));
    return QCoreApplication::exec();
}

} // namespace dockhand::cli
