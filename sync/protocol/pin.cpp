#include "pin.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

namespace dockhand::protocol::pin {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
// Refuse absurd iteration counts from a tampered row instead of hanging the server on verify.
constexpr int kMaxIterations = 10'000'000;

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, kKeyBytes);
}

} // namespace

QString hash(const QString &pin, int iterations)
{
    quint32 words[kSaltBytes / sizeof(quint32)];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray salt(reinterpret_cast<const char *>(words), kSaltBytes);
    const QByteArray key = derive(pin, salt, iterations);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool verify(const QString &pin, const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || iterations > kMaxIterations)
        return false;
    const auto salt
        = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto key
        = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.isEmpty() || key.decoded.size() != kKeyBytes)
        return false;
    const QByteArray candidate = derive(pin, salt.decoded, iterations);
    // Constant-time compare: the time taken must not tell how many leading bytes matched.
    unsigned char diff = 0;
    for (int i = 0; i < kKeyBytes; ++i)
        diff |= static_cast<unsigned char>(candidate.at(i) ^ key.decoded.at(i));
    return diff == 0;
}

} // namespace dockhand::protocol::pin
