#include "serialframer.h"

#include <QTest>

using namespace dockhand;

namespace {

SerialFramerConfig suffixConfig(QByteArray suffix)
{
    SerialFramerConfig c;
    c.framing = SerialFraming::Suffix;
    c.suffix = std::move(suffix);
    return c;
}

QList<QByteArray> dataOf(const QList<SerialFrame> &frames)
{
    QList<QByteArray> out;
    for (const SerialFrame &f : frames) {
        if (!f.isRejected())
            out.append(f.data);
    }
    return out;
}

QStringList errorsOf(const QList<SerialFrame> &frames)
{
    QStringList out;
    for (const SerialFrame &f : frames) {
        if (f.isRejected())
            out.append(f.error);
    }
    return out;
}

// Feeds one byte at a time, a millisecond apart, and collects everything.
QList<SerialFrame> feedBytewise(SerialFramer &framer, const QByteArray &bytes, qint64 &now)
{
    QList<SerialFrame> out;
    for (const char c : bytes)
        out.append(framer.feed(QByteArrayView(&c, 1), ++now));
    return out;
}

} // namespace

class TestSerialFramer : public QObject
{
    Q_OBJECT

private slots:
    void lineEndAcceptsCrLfAndCrlf()
    {
        SerialFramer framer;
        const auto frames = framer.feed("4006381333931\rABC\nXYZ\r\n\r\n", 0);
        QCOMPARE(dataOf(frames), (QList<QByteArray> {"4006381333931", "ABC", "XYZ"}));
        QVERIFY(errorsOf(frames).isEmpty());
        QVERIFY(!framer.hasPending());
    }

    void suffixes_data()
    {
        QTest::addColumn<QByteArray>("suffix");
        QTest::newRow("CR") << QByteArray("\r");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("ETX") << QByteArray("\x03");
        QTest::newRow("custom") << QByteArray("#END#");
    }

    void suffixes()
    {
        QFETCH(QByteArray, suffix);
        const QByteArray gs1 = "]C10109506000134352\x1d"
                               "10ABC123";
        const QByteArray stream = gs1 + suffix + "4006381333931" + suffix;

        SerialFramer whole(suffixConfig(suffix));
        auto frames = whole.feed(stream, 0);
        QCOMPARE(errorsOf(frames), QStringList());
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames.at(0).aim, QStringLiteral("]C1"));
        QCOMPARE(frames.at(0).data,
            QByteArray("0109506000134352\x1d"
                       "10ABC123"));
        QCOMPARE(frames.at(1).aim, QString());
        QCOMPARE(frames.at(1).data, QByteArray("4006381333931"));

        // The same stream one byte per read: a suffix split across reads still ends the frame.
        SerialFramer bytewise(suffixConfig(suffix));
        qint64 now = 0;
        frames = feedBytewise(bytewise, stream, now);
        QCOMPARE(dataOf(frames),
            (QList<QByteArray> {"0109506000134352\x1d"
                                "10ABC123",
                "4006381333931"}));
        QVERIFY(errorsOf(frames).isEmpty());
    }

    void suffixModeToleratesCrlfFromACrConfiguredScanner()
    {
        SerialFramer framer(suffixConfig("\r"));
        auto frames = framer.feed("A1B2\r\nC3D4\r\n", 0);
        QCOMPARE(dataOf(frames), (QList<QByteArray> {"A1B2", "C3D4"}));
        QVERIFY(errorsOf(frames).isEmpty());
        // The LF left behind is not an incomplete barcode, neither later nor at disconnect.
        QVERIFY(framer.expire(100000).isEmpty());
        QVERIFY(framer.finish().isEmpty());
    }

    void prefixIsStripped()
    {
        SerialFramerConfig c = suffixConfig("\x03");
        c.prefix = "\x02";
        SerialFramer framer(c);
        const auto frames = framer.feed("\x02]d2010950600013435217251231\x03\x02PLAIN\x03", 0);
        QCOMPARE(errorsOf(frames), QStringList());
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames.at(0).aim, QStringLiteral("]d2"));
        QCOMPARE(frames.at(0).data, QByteArray("010950600013435217251231"));
        QCOMPARE(frames.at(1).data, QByteArray("PLAIN"));
    }

    void interByteTimeout()
    {
        SerialFramerConfig c;
        c.framing = SerialFraming::InterByteTimeout;
        c.interByteTimeoutMs = 50;
        SerialFramer framer(c);
        QVERIFY(framer.feed("]E04006", 1000).isEmpty());
        QCOMPARE(framer.deadlineMs(), 1050);
        QVERIFY(framer.feed("381333931", 1030).isEmpty());
        QCOMPARE(framer.deadlineMs(), 1080);
        QVERIFY(framer.expire(1079).isEmpty()); // early: nothing yet
        auto frames = framer.expire(1080);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.at(0).aim, QStringLiteral("]E0"));
        QCOMPARE(frames.at(0).data, QByteArray("4006381333931"));
        QCOMPARE(framer.deadlineMs(), -1);

        // Without a timer run in between, the gap before new bytes still ends the old frame, and a
        // trailing CR the scanner adds anyway is not part of the data.
        QVERIFY(framer.feed("FIRST\r", 2000).isEmpty());
        frames = framer.feed("SECOND", 2200);
        QCOMPARE(dataOf(frames), QList<QByteArray> {"FIRST"});
        QCOMPARE(dataOf(framer.expire(2250)), QList<QByteArray> {"SECOND"});
    }

    void rejectsNul()
    {
        SerialFramer framer;
        const auto frames = framer.feed(QByteArray("AB\0CD\rGOOD\r", 11), 0);
        QCOMPARE(frames.size(), 2);
        QVERIFY(frames.at(0).isRejected());
        QVERIFY2(frames.at(0).error.contains(QLatin1String("NUL")), qPrintable(frames.at(0).error));
        QCOMPARE(frames.at(1).data, QByteArray("GOOD"));
    }

    void rejectsBinaryNoiseButKeepsGs1Separators_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("GS") << QByteArray("0109506000134352\x1d"
                                          "10ABC")
                            << true;
        QTest::newRow("ISO15434 RS/GS/EOT") << QByteArray("[)>\x1e"
                                                          "06\x1d"
                                                          "1PABC\x1e\x04")
                                            << true;
        QTest::newRow("BEL") << QByteArray("AB\x07"
                                           "C")
                             << false;
        QTest::newRow("ESC") << QByteArray("\x1b[2J") << false;
        QTest::newRow("DEL") << QByteArray("AB\x7f") << false;
        QTest::newRow("TAB") << QByteArray("A\tB") << false;
        QTest::newRow("UTF-8 text") << QByteArray("Gr\xc3\xb6\xc3\x9f"
                                                  "e \xe2\x82\xac")
                                    << true;
        QTest::newRow("Latin-1 byte") << QByteArray("Gr\xf6\xdf"
                                                    "e")
                                      << false;
        QTest::newRow("overlong") << QByteArray("A\xc0\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("A\xed\xa0\x80") << false;
        QTest::newRow("truncated") << QByteArray("A\xe2\x82") << false;
        QTest::newRow("AIM only") << QByteArray("]C1") << false;
    }

    void rejectsBinaryNoiseButKeepsGs1Separators()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, accepted);
        SerialFramer framer(suffixConfig("\r\n"));
        const auto frames = framer.feed(frame + "\r\n", 0);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(!frames.at(0).isRejected(), accepted);
        if (!accepted) {
            QVERIFY(frames.at(0).data.isEmpty());
            QVERIFY(frames.at(0).error.endsWith(QLatin1String("ignored")));
        }
    }

    void overlongFrameIsRejectedOnceAndTheNextFrameWorks_data()
    {
        QTest::addColumn<int>("framing");
        QTest::newRow("line") << int(SerialFraming::LineEnd);
        QTest::newRow("suffix CRLF") << int(SerialFraming::Suffix);
    }

    void overlongFrameIsRejectedOnceAndTheNextFrameWorks()
    {
        QFETCH(int, framing);
        SerialFramerConfig c;
        c.framing = SerialFraming(framing);
        c.suffix = "\r\n";
        c.maxFrameBytes = 4096;
        SerialFramer framer(c);
        QList<SerialFrame> frames;
        // 10 KiB of printable garbage in small reads, then a good scan.
        for (int i = 0; i < 40; ++i)
            frames.append(framer.feed(QByteArray(256, 'x'), i));
        frames.append(framer.feed("\r\nNEXT\r\n", 50));
        QCOMPARE(errorsOf(frames).size(), 1);
        QVERIFY(errorsOf(frames).constFirst().contains(QLatin1String("4096")));
        QCOMPARE(dataOf(frames), QList<QByteArray> {"NEXT"});

        // Exactly the maximum is still a barcode.
        frames = framer.feed(QByteArray(4096, '7') + "\r\n", 60);
        QCOMPARE(errorsOf(frames), QStringList());
        QCOMPARE(dataOf(frames).constFirst().size(), 4096);
    }

    void stalePartialFrameIsNotGluedToTheNextScan()
    {
        SerialFramer framer; // line framing, staleFrameMs 2000
        QVERIFY(framer.feed("40063", 0).isEmpty());
        QCOMPARE(framer.deadlineMs(), 2000);
        const auto frames = framer.feed("]C1ABC\r", 5000);
        QCOMPARE(frames.size(), 2);
        QVERIFY(frames.at(0).isRejected());
        QVERIFY2(frames.at(0).error.contains(QLatin1String("incomplete")), qPrintable(frames.at(0).error));
        QCOMPARE(frames.at(1).aim, QStringLiteral("]C1"));
        QCOMPARE(frames.at(1).data, QByteArray("ABC"));

        // A slow but steady sender is fine: the gap counts from the last byte, not the first.
        qint64 now = 10000;
        QList<SerialFrame> slow;
        for (const char c : QByteArray("SLOW123\r")) {
            now += 500;
            slow.append(framer.feed(QByteArrayView(&c, 1), now));
        }
        QCOMPARE(dataOf(slow), QList<QByteArray> {"SLOW123"});
        QVERIFY(errorsOf(slow).isEmpty());
    }

    void expireDropsStalePartial()
    {
        SerialFramer framer;
        QVERIFY(framer.feed("PART", 100).isEmpty());
        QVERIFY(framer.expire(2099).isEmpty());
        const auto frames = framer.expire(2100);
        QCOMPARE(frames.size(), 1);
        QVERIFY(frames.at(0).isRejected());
        QVERIFY(!framer.hasPending());
        QCOMPARE(framer.deadlineMs(), -1);
    }

    void finishReportsPartialFrame()
    {
        SerialFramer framer;
        QVERIFY(framer.finish().isEmpty());
        QVERIFY(framer.feed("12345", 0).isEmpty());
        auto frames = framer.finish();
        QCOMPARE(frames.size(), 1);
        QVERIFY(frames.at(0).isRejected());
        QVERIFY2(frames.at(0).error.contains(QLatin1String("disconnected")), qPrintable(frames.at(0).error));
        QVERIFY(!framer.hasPending());
        // After finish() the framer starts afresh.
        frames = framer.feed("67890\r", 10);
        QCOMPARE(dataOf(frames), QList<QByteArray> {"67890"});
    }

    void badConfigIsReportedAndDoesNotCrash()
    {
        QVERIFY(SerialFramer::validate({}).isEmpty());
        QVERIFY(!SerialFramer::validate(suffixConfig({})).isEmpty());
        SerialFramerConfig c;
        c.maxFrameBytes = 0;
        QVERIFY(!SerialFramer::validate(c).isEmpty());
        c = {};
        c.framing = SerialFraming::InterByteTimeout;
        c.interByteTimeoutMs = 0;
        QVERIFY(!SerialFramer::validate(c).isEmpty());

        // An empty suffix falls back to line framing instead of a frame per byte.
        SerialFramer framer(suffixConfig({}));
        QCOMPARE(dataOf(framer.feed("AB\rCD\r", 0)), (QList<QByteArray> {"AB", "CD"}));
    }

    void utf8Validator()
    {
        qsizetype bad = -1;
        QVERIFY(isValidUtf8("plain ASCII"));
        QVERIFY(isValidUtf8("\xf0\x9f\x93\xa6")); // U+1F4E6 package
        QVERIFY(!isValidUtf8("\xf4\x90\x80\x80", &bad)); // above U+10FFFF
        QCOMPARE(bad, 0);
        QVERIFY(!isValidUtf8("ok\x80", &bad));
        QCOMPARE(bad, 2);
    }
};

QTEST_GUILESS_MAIN(TestSerialFramer)
#include "tst_serialframer.moc"
