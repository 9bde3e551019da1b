#include "http/parameters.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <limits>

namespace dockhand::server {

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

ApiResponse storageError(const QString &what, const QString &why)
{
    ApiResponse r = ApiResponse::error(503, QStringLiteral("%1: %2").arg(what, why));
    r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
    return r;
}

ApiResponse tooManyRequests(const QString &message, int waitSeconds)
{
    ApiResponse r = ApiResponse::error(429, message);
    r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(waitSeconds)});
    return r;
}

std::optional<ApiResponse> checkQuery(
    const ApiRequest &request, std::initializer_list<QLatin1StringView> allowed)
{
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    QSet<QString> seen;
    for (const auto &item : items) {
        bool known = false;
        for (const auto &name : allowed)
            known = known || item.first == name;
        if (!known) {
            QStringList names;
            for (const auto &name : allowed)
                names.append(name);
            return ApiResponse::error(400,
                names.isEmpty() ? QStringLiteral("unknown query parameter '%1' (this endpoint takes none)")
                                      .arg(item.first.left(64))
                                : QStringLiteral("unknown query parameter '%1' (allowed: %2)")
                                      .arg(item.first.left(64), names.join(QLatin1String(", "))));
        }
        if (seen.contains(item.first))
            return ApiResponse::error(
                400, QStringLiteral("query parameter '%1' given twice").arg(item.first));
        seen.insert(item.first);
    }
    return std::nullopt;
}

std::optional<qint64> integerParameter(const ApiRequest &request, QLatin1StringView name, qint64 fallback,
    qint64 minimum, qint64 maximum, ApiResponse *error)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const QString text = request.query.queryItemValue(name, QUrl::FullyDecoded);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        *error = ApiResponse::error(400,
            QStringLiteral("query parameter '%1' must be an integer from %2 to %3, got '%4'")
                .arg(name)
                .arg(minimum)
                .arg(maximum)
                .arg(text.left(32)));
        return std::nullopt;
    }
    return value;
}

std::optional<Page> pageParameters(const ApiRequest &request, ApiResponse *error)
{
    const auto after
        = integerParameter(request, QLatin1String("after"), 0, 0, std::numeric_limits<qint64>::max(), error);
    if (!after)
        return std::nullopt;
    const auto limit = integerParameter(
        request, QLatin1String("limit"), Api::kDefaultEventLimit, 1, Api::kMaxEventLimit, error);
    if (!limit)
        return std::nullopt;
    return Page {*after, int(*limit)};
}

std::optional<QJsonObject> jsonObjectBody(const ApiRequest &request, const QString &shape, ApiResponse *error)
{
    if (request.body.trimmed().isEmpty()) {
        *error = ApiResponse::error(400, QStringLiteral("request body is empty; expected %1").arg(shape));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ApiResponse::error(400,
            QStringLiteral("malformed JSON at byte %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = ApiResponse::error(400, QStringLiteral("request body must be a JSON object %1").arg(shape));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QHash<QString, QString>> stringFields(
    const QJsonObject &json, const QStringList &required, const QStringList &optional, ApiResponse *error)
{
    QHash<QString, QString> values;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!required.contains(it.key()) && !optional.contains(it.key())) {
            *error = ApiResponse::error(400,
                QStringLiteral("unknown field '%1' (allowed: %2)")
                    .arg(it.key().left(64), (required + optional).join(QLatin1String(", "))));
            return std::nullopt;
        }
        if (!it.value().isString()) {
            *error = ApiResponse::error(400, QStringLiteral("field '%1' must be a string").arg(it.key()));
            return std::nullopt;
        }
        if (it.value().toString().size() > 128) {
            *error = ApiResponse::error(
                400, QStringLiteral("field '%1' is longer than 128 characters").arg(it.key()));
            return std::nullopt;
        }
        values.insert(it.key(), it.value().toString());
    }
    for (const QString &name : required) {
        if (values.value(name).trimmed().isEmpty()) {
            *error = ApiResponse::error(
                400, QStringLiteral("field '%1' is required and must not be empty").arg(name));
            return std::nullopt;
        }
    }
    return values;
}

} // namespace dockhand::server
