// Logging in and out on the floor, offline: badge scans and badge + PIN against the cached
// operators, the role's menu, and the login / logout events every later event builds on.

#include "operatorsession.h"
#include "workflowtestutil.h"

#include <QSignalSpy>

using namespace dockhand;
using namespace dockhand::test;

class TestOperatorSession : public QObject
{
    Q_OBJECT

private slots:
    void badgeScanLogsIn()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        QSignalSpy accepted(&s, &Workflow::accepted);
        QSignalSpy changed(&s, &OperatorSession::operatorChanged);
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QVERIFY(s.menu().isEmpty());
        s.handleScan(f.scan(QStringLiteral("OP-1001")));
        QCOMPARE(s.state(), OperatorSession::State::LoggedIn);
        QCOMPARE(s.operatorName(), QStringLiteral("Alex Weber"));
        QCOMPARE(s.role(), QStringLiteral("picker"));
        QCOMPARE(s.lastResult(), QStringLiteral("accepted"));
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(f.scans.operatorId(), QStringLiteral("OP-1001"));
        const auto e = f.last();
        QCOMPARE(e.step, QStringLiteral("login"));
        QCOMPARE(e.result, QStringLiteral("accepted"));
        QCOMPARE(e.operatorId, QStringLiteral("OP-1001"));
        QCOMPARE(e.fields.value(QStringLiteral("action")).toString(), QStringLiteral("login"));
        QCOMPARE(e.fields.value(QStringLiteral("badge")).toString(), QStringLiteral("OP-1001"));
        QCOMPARE(s.menu().size(), 3);
        QCOMPARE(s.menu().first().toMap().value(QStringLiteral("id")).toString(), QStringLiteral("pick"));
    }

    void menuPerRole()
    {
        QCOMPARE(OperatorSession::menuFor(QStringLiteral("picker")).first(), QStringLiteral("pick"));
        QVERIFY(!OperatorSession::menuFor(QStringLiteral("picker")).contains(QStringLiteral("pack")));
        QCOMPARE(OperatorSession::menuFor(QStringLiteral("packer")).first(), QStringLiteral("pack"));
        QVERIFY(OperatorSession::menuFor(QStringLiteral("supervisor")).contains(QStringLiteral("review")));
        QVERIFY(OperatorSession::menuFor(QStringLiteral("admin")).contains(QStringLiteral("pack")));
        QVERIFY(OperatorSession::menuFor(QStringLiteral("guest")).isEmpty());
    }

    void unknownBadgeRefused()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        QSignalSpy refused(&s, &Workflow::refused);
        s.handleScan(f.scan(QStringLiteral("OP-4242")));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(refused.size(), 1);
        QVERIFY(s.lastMessage().contains(QStringLiteral("OP-4242")));
        const auto e = f.last();
        QCOMPARE(e.result, QStringLiteral("refused"));
        QCOMPARE(e.step, QStringLiteral("login"));
        QVERIFY(e.operatorId.isEmpty());
    }

    void roleWithoutMenuRefused()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        s.handleScan(f.scan(QStringLiteral("OP-1009")));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(f.last().result, QStringLiteral("refused"));
        QVERIFY(f.scans.operatorId().isEmpty());
    }

    void nonBadgeRefusedWhileLoggedOut()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        s.handleScan(f.scan(QStringLiteral("A-01-02")));
        QCOMPARE(s.lastResult(), QStringLiteral("refused"));
        QVERIFY(s.lastMessage().contains(QStringLiteral("badge")));
        s.handleScan(f.scan(QStringLiteral("0400638133393"))); // bad check digit: invalid scan
        QCOMPARE(s.lastResult(), QStringLiteral("refused"));
        QCOMPARE(f.count(), qint64(2));
    }

    void keypadLoginWithPin()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        s.loginWithPin(QStringLiteral("OP-1002"), QStringLiteral("0000"));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(f.last().result, QStringLiteral("refused"));
        QVERIFY(!f.last().fields.contains(QStringLiteral("pin")));
        s.loginWithPin(QStringLiteral("OP-7777"), QStringLiteral("0000"));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        s.loginWithPin(QStringLiteral("OP-1002"), QStringLiteral("9999"));
        QCOMPARE(s.state(), OperatorSession::State::LoggedIn);
        QCOMPARE(s.role(), QStringLiteral("packer"));
        QCOMPARE(f.last().source, QStringLiteral("manual"));
        QCOMPARE(f.last().operatorId, QStringLiteral("OP-1002"));
    }

    void badgeThenPinWhenRequired()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        s.setPinRequired(true);
        s.handleScan(f.scan(QStringLiteral("OP-1001")));
        QCOMPARE(s.state(), OperatorSession::State::AwaitingPin);
        QVERIFY(s.prompt().contains(QStringLiteral("PIN")));
        QCOMPARE(f.count(), qint64(0)); // nothing decided yet
        s.submitPin(QStringLiteral("4321"));
        QCOMPARE(s.state(), OperatorSession::State::AwaitingPin);
        QCOMPARE(f.last().result, QStringLiteral("refused"));
        s.submitPin(QStringLiteral("1234"));
        QCOMPARE(s.state(), OperatorSession::State::LoggedIn);
        QCOMPARE(f.last().result, QStringLiteral("accepted"));
    }

    void cancelPinEntry()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        s.setPinRequired(true);
        s.handleScan(f.scan(QStringLiteral("OP-1001")));
        s.cancel();
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QVERIFY(s.badge().isEmpty());
        s.submitPin(QStringLiteral("1234"));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(s.lastResult(), QStringLiteral("refused"));
    }

    void logoutEventCarriesOperator()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        QSignalSpy changed(&s, &OperatorSession::operatorChanged);
        s.handleScan(f.scan(QStringLiteral("OP-1001")));
        s.logout();
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(changed.size(), 2);
        QVERIFY(changed.last().first().toString().isEmpty());
        const auto e = f.last();
        QCOMPARE(e.fields.value(QStringLiteral("action")).toString(), QStringLiteral("logout"));
        QCOMPARE(e.fields.value(QStringLiteral("badge")).toString(), QStringLiteral("OP-1001"));
        QCOMPARE(e.operatorId, QStringLiteral("OP-1001"));
        QVERIFY(f.scans.operatorId().isEmpty());
    }

    void ownBadgeLogsOutOtherBadgeHandsOver()
    {
        QueueFixture f;
        OperatorSession s(&f.scans, &f.data);
        s.handleScan(f.scan(QStringLiteral("OP-1001")));
        s.handleScan(f.scan(QStringLiteral("OP-1003")));
        QCOMPARE(s.badge(), QStringLiteral("OP-1003"));
        QCOMPARE(s.role(), QStringLiteral("supervisor"));
        s.handleScan(f.scan(QStringLiteral("OP-1003")));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(f.last().fields.value(QStringLiteral("action")).toString(), QStringLiteral("logout"));
    }

    void pinHashFormat()
    {
        const QString hash = pinHash(QStringLiteral("1234"), 2000);
        QVERIFY(OperatorSession::verifyPin(QStringLiteral("1234"), hash));
        QVERIFY(!OperatorSession::verifyPin(QStringLiteral("12345"), hash));
        QVERIFY(!OperatorSession::verifyPin(QStringLiteral("1234"), QStringLiteral("sha1$1$AA==$AA==")));
        QVERIFY(
            !OperatorSession::verifyPin(QStringLiteral("1234"), QStringLiteral("pbkdf2-sha256$x$AA==$AA==")));
        QVERIFY(!OperatorSession::verifyPin(QStringLiteral("1234"), QStringLiteral("pbkdf2-sha256$10$$")));
        QVERIFY(!OperatorSession::verifyPin(QStringLiteral("1234"), QString()));
    }

    void notSavedWithoutQueue()
    {
        QueueFixture f;
        f.scans.setQueue(nullptr);
        OperatorSession s(&f.scans, &f.data);
        QSignalSpy notSaved(&s, &Workflow::notSaved);
        s.handleScan(f.scan(QStringLiteral("OP-1001")));
        QCOMPARE(s.state(), OperatorSession::State::LoggedOut);
        QCOMPARE(s.lastResult(), QStringLiteral("not-saved"));
        QCOMPARE(notSaved.size(), 1);
        QVERIFY(f.scans.operatorId().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOperatorSession)
#include "tst_operatorsession.moc"
