// The protocol's named values, the words device and server exchange: every action, field key,
// reason and order status has one wire name that reads back to the same value, names are
// unique, and the spelling is the one the API documents (a renamed value would silently break
// every device still running the old version).

#include "actions.h"
#include "orderstatus.h"

#include <QSet>
#include <QTest>

using namespace dockhand::protocol;

class TestWireNames : public QObject
{
    Q_OBJECT

private slots:
    void everyActionRoundTrips()
    {
        QSet<QString> seen;
        for (int i = int(Action::Login); i <= int(Action::Damage); ++i) {
            const auto action = Action(i);
            const QString name = wireName(action);
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(actionFromWire(name), std::optional<Action>(action));
        }
        QCOMPARE(seen.size(), 11);
        QVERIFY(!actionFromWire(QStringLiteral("Pick")).has_value()); // case matters on the wire
        QVERIFY(!actionFromWire(QString()).has_value());
    }

    void actionsAreSpeltAsDocumented()
    {
        QCOMPARE(wireName(Action::BindTote), QStringLiteral("bind-tote"));
        QCOMPARE(wireName(Action::CloseCarton), QStringLiteral("close-carton"));
        QCOMPARE(wireName(Action::VerifyLocation), QStringLiteral("verify-location"));
        QCOMPARE(actionOf(QJsonObject {{QStringLiteral("action"), QStringLiteral("short")}}),
            std::optional<Action>(Action::Short));
        QVERIFY(!actionOf(QJsonObject {{QStringLiteral("gtin"), QStringLiteral("04006381333931")}}));
    }

    void everyFieldRoundTrips()
    {
        QSet<QString> seen;
        for (int i = int(Field::Action); i <= int(Field::Value); ++i) {
            const QString name = wireName(Field(i));
            QVERIFY(!name.isEmpty());
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(fieldFromWire(name), std::optional<Field>(Field(i)));
        }
        QCOMPARE(wireName(Field::WeightKg), QStringLiteral("weightKg"));
    }

    void reasonsAreTheOffersInOrder()
    {
        QCOMPARE(shortReasons(),
            QStringList({QStringLiteral("not-found"), QStringLiteral("damaged"),
                QStringLiteral("insufficient"), QStringLiteral("wrong-item")}));
        QCOMPARE(damageReasons(),
            QStringList(
                {QStringLiteral("damaged"), QStringLiteral("packaging"), QStringLiteral("wrong-item")}));
        QCOMPARE(wireName(ShortReason::NotFound), QStringLiteral("not-found"));
        QCOMPARE(wireName(DamageReason::Packaging), QStringLiteral("packaging"));
    }

    void orderStatusesRoundTripInJourneyOrder()
    {
        const QStringList &all = orderStatuses();
        QCOMPARE(all.size(), 12);
        for (int i = 0; i < all.size(); ++i) {
            const auto status = orderStatusFromWire(all.at(i));
            QVERIFY2(status.has_value(), qPrintable(all.at(i)));
            QCOMPARE(wireName(*status), all.at(i));
            QCOMPARE(orderStatusRank(all.at(i)), i);
        }
        QCOMPARE(all.first(), QStringLiteral("received"));
        QCOMPARE(wireName(OrderStatus::InTransit), QStringLiteral("in transit"));
        QVERIFY(orderStatusRank(QStringLiteral("picked")) < orderStatusRank(QStringLiteral("packed")));
        QVERIFY(orderStatusRank(QStringLiteral("packed")) < orderStatusRank(QStringLiteral("labeled")));
        // A cancelled order ranks above packing and labeling: no scan moves it on again.
        QVERIFY(orderStatusRank(QStringLiteral("cancelled")) > orderStatusRank(QStringLiteral("labeled")));
        QCOMPARE(orderStatusRank(QStringLiteral("lost")), -1);
    }
};

QTEST_APPLESS_MAIN(TestWireNames)
#include "tst_wirenames.moc"
