#pragma once

#include <QObject>
#include <QSettings>
#include <QString>
#include <QTranslator>

namespace dockhand {

// The operator's device preferences (sounds, volume, language, theme), kept with QSettings so
// they survive a restart, and the translator for the chosen language. Owned by AppCore; the
// screens reach it as the QML singleton `AppSettings`.
class Settings : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool soundsEnabled READ soundsEnabled WRITE setSoundsEnabled NOTIFY soundsEnabledChanged)
    Q_PROPERTY(double volume READ volume WRITE setVolume NOTIFY volumeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY highContrastChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl CONSTANT)
    Q_PROPERTY(QString scannerPort READ scannerPort CONSTANT)
public:
    // Preferences live in the application's QSettings (organisation/application name).
    Settings(QString serverUrl, QString scannerPort, QObject *parent = nullptr);
    ~Settings() override;

    bool soundsEnabled() const { return m_soundsEnabled; }
    void setSoundsEnabled(bool on);
    // 0.0 … 1.0
    double volume() const { return m_volume; }
    void setVolume(double volume);
    // "" follows the system locale; otherwise "en" or "de".
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    // The language actually shown ("en" or "de").
    QString effectiveLanguage() const;
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    QString serverUrl() const { return m_serverUrl; }
    QString scannerPort() const { return m_scannerPort; }

    // Installs the translator for effectiveLanguage() on the application. Returns false if its
    // catalogue is missing.
    bool installTranslator();

signals:
    void soundsEnabledChanged();
    void volumeChanged();
    // After this, the engine should retranslate (main() connects it to retranslate()).
    void languageChanged();
    void highContrastChanged();

private:
    QSettings m_store;
    QTranslator m_translator;
    bool m_translatorInstalled = false;
    bool m_soundsEnabled = true;
    double m_volume = 0.8;
    QString m_language;
    bool m_highContrast = false;
    QString m_serverUrl;
    QString m_scannerPort;
};

} // namespace dockhand
