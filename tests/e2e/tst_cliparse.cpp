#include "toolrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dockhand;

// Runs the built `dockhand-cli parse` as a process (label e2e), the way an operator or a script would, and
// checks the JSON it prints for raw input bytes (GS 0x1D, AIM ids, CRLF, noise).
class TestCliParse : public QObject
{
    Q_OBJECT
private:
    QString m_cli;

    // Runs the CLI with `args`, feeding `input`; returns stdout lines, sets the exit code.
    QList<QJsonObject> run(const QStringList &args, const QByteArray &input, int *exitCode = nullptr)
    {
        testing::ToolOptions options;
        options.input = input;
        options.timeoutMs = 30000;
        const testing::ToolResult result
            = testing::runTool(m_cli, QStringList {QStringLiteral("parse")} + args, options);
        if (exitCode)
            *exitCode = result.exitCode;
        QList<QJsonObject> out;
        const QList<QByteArray> lines = result.stdOut.split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject())
                qWarning("not a JSON object: %s", line.constData());
            out.append(doc.object());
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DOCKHAND_BIN_DIR"), "DOCKHAND_BIN_DIR is set by ctest");
        m_cli = testing::binary(QStringLiteral("dockhand-cli"));
        QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    }

    void parsesLines()
    {
        const QByteArray input = "]C10109506000134352\x1d"
                                 "10ABC123\x1d"
                                 "17251231\r\n"
                                 "]C100106141411234567897\n"
                                 "4006381333932\n"
                                 "A-01-02\r\n"
                                 "]C010D9T\n"
                                 "\xff\x01garbage\n"
                                 "\n"
                                 "https://id.gs1.org/01/09506000134352/10/ABC?17=201225\n"
                                 "]C10209506000134352"; // no final newline, refused: AI 02 needs AI 37
        int code = -1;
        const QList<QJsonObject> out
            = run({QStringLiteral("--today"), QStringLiteral("2024-06-01")}, input, &code);
        QCOMPARE(code, 0);
        QCOMPARE(out.size(), 9);
        for (const auto &o : out) {
            for (const char *key : {"valid", "symbology", "aim", "kind", "elements", "hri", "error"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
        }

        const QJsonObject gs1 = out.at(0);
        QCOMPARE(gs1.value(u"valid").toBool(), true);
        QCOMPARE(gs1.value(u"symbology").toString(), QStringLiteral("GS1-128"));
        QCOMPARE(gs1.value(u"aim").toString(), QStringLiteral("]C1"));
        QCOMPARE(gs1.value(u"kind").toString(), QStringLiteral("product"));
        QCOMPARE(gs1.value(u"gtin").toString(), QStringLiteral("09506000134352"));
        QCOMPARE(gs1.value(u"lot").toString(), QStringLiteral("ABC123"));
        QCOMPARE(gs1.value(u"expiry").toString(), QStringLiteral("2025-12-31"));
        QCOMPARE(gs1.value(u"hri").toString(), QStringLiteral("(01)09506000134352(10)ABC123(17)251231"));
        const QJsonArray elements = gs1.value(u"elements").toArray();
        QCOMPARE(elements.size(), 3);
        QCOMPARE(elements.at(0).toObject().value(u"ai").toString(), QStringLiteral("01"));
        QCOMPARE(elements.at(0).toObject().value(u"title").toString(), QStringLiteral("GTIN"));
        QCOMPARE(elements.at(1).toObject().value(u"value").toString(), QStringLiteral("ABC123"));

        QCOMPARE(out.at(1).value(u"kind").toString(), QStringLiteral("sscc"));
        QCOMPARE(out.at(1).value(u"sscc").toString(), QStringLiteral("106141411234567897"));

        QCOMPARE(out.at(2).value(u"valid").toBool(), false);
        QVERIFY(
            out.at(2).value(u"error").toString().contains(QStringLiteral("check digit should be 1, got 2")));

        QCOMPARE(out.at(3).value(u"kind").toString(), QStringLiteral("location"));
        QCOMPARE(out.at(3).value(u"code").toString(), QStringLiteral("A-01-02"));

        QCOMPARE(out.at(4).value(u"valid").toBool(), true);
        QCOMPARE(out.at(4).value(u"kind").toString(), QStringLiteral("unknown"));
        QCOMPARE(out.at(4).value(u"symbology").toString(), QStringLiteral("Code 128"));
        QCOMPARE(out.at(4).value(u"elements").toArray().size(), 0);

        QCOMPARE(out.at(5).value(u"valid").toBool(), false);
        QVERIFY(!out.at(5).value(u"error").toString().isEmpty());
        QCOMPARE(out.at(6).value(u"error").toString(), QStringLiteral("Empty scan"));

        QCOMPARE(out.at(7).value(u"hri").toString(), QStringLiteral("(01)09506000134352(10)ABC(17)201225"));
        QCOMPARE(out.at(8).value(u"error").toString(), QStringLiteral("AI 02 requires AI 37"));
    }

    void gs1Mode()
    {
        int code = -1;
        const QList<QJsonObject> out = run({QStringLiteral("--gs1")},
            "0109506000134352"
            "10D9T\x1d"
            "21S1\n"
            "10D9T\n"
            "]C00109506000134352\n",
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(out.size(), 3);
        QCOMPARE(out.at(0).value(u"lot").toString(), QStringLiteral("D9T"));
        QCOMPARE(out.at(0).value(u"serial").toString(), QStringLiteral("S1"));
        QCOMPARE(out.at(1).value(u"valid").toBool(), false);
        QVERIFY(out.at(1).value(u"error").toString().startsWith(QStringLiteral("AI 10 requires")));
        QCOMPARE(out.at(2).value(u"gtin").toString(), QStringLiteral("09506000134352"));
    }

    void badUsage()
    {
        int code = -1;
        run({QStringLiteral("--nope")}, {}, &code);
        QCOMPARE(code, 2);
        run({QStringLiteral("--today"), QStringLiteral("yesterday")}, {}, &code);
        QCOMPARE(code, 2);
        const QList<QJsonObject> none = run({}, {}, &code);
        QCOMPARE(code, 0);
        QVERIFY(none.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliParse)
#include "tst_cliparse.moc"
