#include "digitallink.h"

#include <QUrl>

namespace dockhand {

namespace {

struct UriParts
{
    QList<QStringView> segments; // path segments, still percent-encoded
    QStringView query;
};

// Splits an http(s) URI into path segments and query by hand: QUrl would normalise the path
// (and accept things a scanner never sends), and we need the raw segments to find the key.
std::optional<UriParts> splitUri(QStringView uri)
{
    qsizetype at = 0;
    if (uri.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        at = 8;
    else if (uri.startsWith(QLatin1String("http://"), Qt::CaseInsensitive))
        at = 7;
    else
        return std::nullopt;
    const qsizetype hostEnd = [&] {
        for (qsizetype i = at; i < uri.size(); ++i) {
            const QChar c = uri.at(i);
            if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#'))
                return i;
        }
        return uri.size();
    }();
    if (hostEnd == at)
        return std::nullopt;
    QStringView rest = uri.mid(hostEnd);
    if (const auto hash = rest.indexOf(QLatin1Char('#')); hash >= 0)
        rest = rest.left(hash);
    UriParts parts;
    QStringView path = rest;
    if (const auto q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        path = rest.left(q);
        parts.query = rest.mid(q + 1);
    }
    parts.segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts;
}

QString decode(QStringView s)
{
    return QUrl::fromPercentEncoding(s.toUtf8());
}

// Index of the primary key segment: the first segment that is a primary-key AI with a value.
qsizetype findKey(const UriParts &parts, const Gs1AiDictionary &dictionary)
{
    for (qsizetype i = 0; i + 1 < parts.segments.size(); ++i) {
        const Gs1AiSpec *spec = dictionary.find(parts.segments.at(i));
        if (spec && spec->dlPrimaryKey)
            return i;
    }
    return -1;
}

} // namespace

bool DigitalLink::looksLike(QStringView text, const Gs1AiDictionary &dictionary)
{
    const auto parts = splitUri(text);
    return parts && findKey(*parts, dictionary) >= 0;
}

std::optional<Gs1ParseResult> DigitalLink::parse(
    QStringView uri, const Gs1Parser &parser, const Gs1AiDictionary &dictionary)
{
    const auto parts = splitUri(uri);
    if (!parts)
        return std::nullopt;
    const qsizetype key = findKey(*parts, dictionary);
    if (key < 0)
        return std::nullopt;
    const auto fail = [](const QString &error) {
        Gs1ParseResult r;
        r.error = QStringLiteral("Digital Link: %1").arg(error);
        return r;
    };

    const auto &segs = parts->segments;
    const Gs1AiSpec *keySpec = dictionary.find(segs.at(key));
    QList<std::pair<QString, QString>> pairs;
    QString keyValue = decode(segs.at(key + 1));
    // GTIN-8, -12 and -13 are written unpadded in some links; the key is the GTIN-14.
    if (keySpec->ai == QLatin1String("01")
        && (keyValue.size() == 8 || keyValue.size() == 12 || keyValue.size() == 13))
        keyValue = keyValue.rightJustified(14, QLatin1Char('0'));
    pairs.append({keySpec->ai, keyValue});

    // Qualifiers: AI/value pairs in one of the orders the key allows.
    QStringList qualifiers;
    for (qsizetype i = key + 2; i < segs.size(); i += 2) {
        const QString ai = segs.at(i).toString();
        if (i + 1 >= segs.size())
            return fail(QStringLiteral("AI %1 has no value").arg(ai));
        qualifiers.append(ai);
        pairs.append({ai, decode(segs.at(i + 1))});
    }
    if (!qualifiers.isEmpty()) {
        bool ordered = false;
        for (const QStringList &alternative : keySpec->dlQualifiers) {
            qsizetype at = 0;
            bool ok = true;
            for (const QString &q : qualifiers) {
                while (at < alternative.size() && alternative.at(at) != q)
                    ++at;
                if (at == alternative.size()) {
                    ok = false;
                    break;
                }
                ++at;
            }
            if (ok) {
                ordered = true;
                break;
            }
        }
        if (!ordered) {
            QStringList allowed;
            for (const QStringList &alternative : keySpec->dlQualifiers)
                allowed.append(alternative.join(QLatin1Char('/')));
            return fail(allowed.isEmpty()
                    ? QStringLiteral("AI %1 takes no qualifiers in the path").arg(keySpec->ai)
                    : QStringLiteral("path qualifiers %1 after AI %2 are not in an allowed order (%3)")
                          .arg(qualifiers.join(QLatin1Char('/')), keySpec->ai,
                              allowed.join(QStringLiteral(" or "))));
        }
    }

    // Attributes: numeric keys are AIs; other keys (linkType, context ...) are for resolvers.
    for (QStringView kv : parts->query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const auto eq = kv.indexOf(QLatin1Char('='));
        const QStringView name = eq < 0 ? kv : kv.left(eq);
        bool numeric = !name.isEmpty();
        for (QChar c : name)
            numeric = numeric && c.isDigit() && c.unicode() < 128;
        if (!numeric)
            continue;
        const Gs1AiSpec *spec = dictionary.find(name);
        if (!spec)
            return fail(QStringLiteral("unknown AI %1 in the query").arg(name));
        if (!spec->dlAttribute)
            return fail(QStringLiteral("AI %1 is not allowed as a query attribute").arg(name));
        if (eq < 0)
            return fail(QStringLiteral("AI %1 has no value").arg(name));
        pairs.append({spec->ai, decode(kv.mid(eq + 1))});
    }

    Gs1ParseResult result = parser.fromPairs(pairs);
    if (!result.valid)
        result.error = QStringLiteral("Digital Link: %1").arg(result.error);
    return result;
}

} // namespace dockhand
