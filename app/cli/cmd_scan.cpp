#include "commands.h"

#include <QSerialPort>
#include <QTextStream>

namespace dockhand::cli {

namespace {
// Default pty the demo's simulated scanner listens on (see scripts/demo.sh).
QString defaultPort()
{
    const QByteArray env = qgetenv("DOCKHAND_SCANNER_PORT");
    return env.isEmpty() ? QStringLiteral("/tmp/dockhand-demo/scanner-in") : QString::fromLocal8Bit(env);
}

// Interprets the escapes a person can type for bytes a terminal cannot: \x1d (or <GS>) and \\.
QByteArray unescape(const QString &text)
{
    QByteArray in = text.toUtf8();
    in.replace("<GS>", "\x1d");
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == '\\' && i + 1 < in.size()) {
            if (in.at(i + 1) == '\\') {
                out.append('\\');
                ++i;
                continue;
            }
            if (in.at(i + 1) == 'x' && i + 3 < in.size()) {
                bool ok = false;
                const int byte = in.mid(i + 2, 2).toInt(&ok, 16);
                if (ok) {
                    out.append(char(byte));
                    i += 3;
                    continue;
                }
            }
        }
        out.append(in.at(i));
    }
    return out;
}
} // namespace

int runScan(const QStringList &args)
{
    QTextStream err(stderr);
    QString port = defaultPort();
    QStringList data;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--port") && i + 1 < args.size())
            port = args.at(++i);
        else
            data.append(args.at(i));
    }
    QSerialPort serial(port);
    if (!serial.open(QIODevice::WriteOnly)) {
        err << "dockhand-cli scan: cannot open scanner port " << port << ": " << serial.errorString()
            << "\n(is the demo running? set --port or DOCKHAND_SCANNER_PORT)\n";
        return 1;
    }
    QTextStream in(stdin);
    const bool fromStdin = data.isEmpty();
    for (qsizetype i = 0;; ++i) {
        QString line;
        if (fromStdin) {
            if (!in.readLineInto(&line))
                break;
        } else if (i < data.size()) {
            line = data.at(i);
        } else {
            break;
        }
        if (line.isEmpty())
            continue;
        serial.write(unescape(line) + "\r\n");
        serial.waitForBytesWritten(1000);
    }
    serial.flush();
    return 0;
}

} // namespace dockhand::cli
