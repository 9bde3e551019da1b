#pragma once

#include <QObject>
#include <QString>

namespace dockhand {

// What the device last told the operator, the one source of the banner and the sound. Every
// workflow writes it (through the scan recorder, or directly for a refused button), so every
// screen shows the same result and every refusal sounds, whichever object raised it.
class Feedback : public QObject
{
    Q_OBJECT
    // "accepted", "refused", "not-saved" (the scan is lost: scan it again) or empty before the
    // first scan.
    Q_PROPERTY(QString result READ result NOTIFY changed)
    // What was accepted, or why it was refused and what to do, in the operator's language.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // The scanned data as printed (GS shown as <GS>), empty for a button or keypad action.
    Q_PROPERTY(QString text READ text NOTIFY changed)
    // Counts up on every feedback, so the screen flashes and sounds even when the text repeats.
    Q_PROPERTY(int serial READ serial NOTIFY changed)
    // The workflow step that gave it: "home", "login", "pick", "pack".
    Q_PROPERTY(QString step READ step NOTIFY changed)
public:
    explicit Feedback(QObject *parent = nullptr) : QObject(parent) { }

    QString result() const { return m_result; }
    QString message() const { return m_message; }
    QString text() const { return m_text; }
    int serial() const { return m_serial; }
    QString step() const { return m_step; }

    void show(const QString &step, const QString &result, const QString &message, const QString &text = {});

    static inline const QString kAccepted = QStringLiteral("accepted");
    static inline const QString kRefused = QStringLiteral("refused");
    static inline const QString kNotSaved = QStringLiteral("not-saved");

signals:
    void changed();

private:
    QString m_result;
    QString m_message;
    QString m_text;
    QString m_step;
    int m_serial = 0;
};

} // namespace dockhand
