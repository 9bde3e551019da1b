#include "settings.h"

#include <QCoreApplication>
#include <QLocale>

namespace dockhand {

namespace {
const QString kSounds = QStringLiteral("ui/soundsEnabled");
const QString kVolume = QStringLiteral("ui/volume");
const QString kLanguage = QStringLiteral("ui/language");
const QString kHighContrast = QStringLiteral("ui/highContrast");
} // namespace

Settings::Settings(QString serverUrl, QString scannerPort, QObject *parent)
    : QObject(parent), m_serverUrl(std::move(serverUrl)), m_scannerPort(std::move(scannerPort))
{
    m_soundsEnabled = m_store.value(kSounds, true).toBool();
    m_volume = qBound(0.0, m_store.value(kVolume, 0.8).toDouble(), 1.0);
    m_language = m_store.value(kLanguage, QString()).toString();
    if (m_language != QLatin1String("en") && m_language != QLatin1String("de"))
        m_language.clear();
    m_highContrast = m_store.value(kHighContrast, false).toBool();
}

Settings::~Settings()
{
    if (m_translatorInstalled)
        QCoreApplication::removeTranslator(&m_translator);
}

void Settings::setSoundsEnabled(bool on)
{
    if (on == m_soundsEnabled)
        return;
    m_soundsEnabled = on;
    m_store.setValue(kSounds, on);
    emit soundsEnabledChanged();
}

void Settings::setVolume(double volume)
{
    volume = qBound(0.0, volume, 1.0);
    if (qFuzzyCompare(volume + 1.0, m_volume + 1.0))
        return;
    m_volume = volume;
    m_store.setValue(kVolume, volume);
    emit volumeChanged();
}

void Settings::setLanguage(const QString &language)
{
    const QString value
        = (language == QLatin1String("en") || language == QLatin1String("de")) ? language : QString();
    if (value == m_language)
        return;
    m_language = value;
    m_store.setValue(kLanguage, value);
    installTranslator();
    emit languageChanged();
}

QString Settings::effectiveLanguage() const
{
    if (!m_language.isEmpty())
        return m_language;
    return QLocale::system().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
}

void Settings::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    m_store.setValue(kHighContrast, on);
    emit highContrastChanged();
}

bool Settings::installTranslator()
{
    if (m_translatorInstalled) {
        QCoreApplication::removeTranslator(&m_translator);
        m_translatorInstalled = false;
    }
    // English is the source text; its catalogue only adds plural forms ("1 line", "2 lines").
    if (!m_translator.load(QStringLiteral(":/i18n/dockhand_%1.qm").arg(effectiveLanguage())))
        return false;
    m_translatorInstalled = QCoreApplication::installTranslator(&m_translator);
    return m_translatorInstalled;
}

} // namespace dockhand
