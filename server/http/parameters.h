#pragma once

#include "http/api.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcServerApi)

// The checks every handler makes of its input (query parameters, JSON bodies) and the answers
// they share (storage errors, 429). Each check answers 400 with a message naming the problem.
namespace dockhand::server {

// ISO 8601 with milliseconds, UTC; empty for an invalid time.
QString isoTime(const QDateTime &t);

// A database failure is the server's problem and usually passes (busy, disk full being fixed):
// 503 with Retry-After tells the devices to come back rather than to give up.
ApiResponse storageError(const QString &what, const QString &why);

// 429 with Retry-After: the caller may try again in `waitSeconds`.
ApiResponse tooManyRequests(const QString &message, int waitSeconds);

// Query parameters not in `allowed` are refused: a misspelled filter must not silently return
// everything.
std::optional<ApiResponse> checkQuery(
    const ApiRequest &request, std::initializer_list<QLatin1StringView> allowed);

std::optional<qint64> integerParameter(const ApiRequest &request, QLatin1StringView name, qint64 fallback,
    qint64 minimum, qint64 maximum, ApiResponse *error);

// ?after=N&limit=M of a list read page by page: rows after the cursor N (0: from the start), at
// most M of them.
struct Page
{
    qint64 after = 0;
    int limit = 0;
};

std::optional<Page> pageParameters(const ApiRequest &request, ApiResponse *error);

// The body as a JSON object; `shape` describes the expected one in the error.
std::optional<QJsonObject> jsonObjectBody(
    const ApiRequest &request, const QString &shape, ApiResponse *error);

// Every field must be a known, non-empty string (enrol and login take only strings).
std::optional<QHash<QString, QString>> stringFields(
    const QJsonObject &json, const QStringList &required, const QStringList &optional, ApiResponse *error);

} // namespace dockhand::server
