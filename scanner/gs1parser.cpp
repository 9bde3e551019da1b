#include "gs1parser.h"

#include "checkdigit.h"

#include <cctype>

namespace dockhand {

namespace {

constexpr char kGs = Gs1Parser::kGroupSeparator;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isCset82(char c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '"':
    case '%':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case '-':
    case '.':
    case '/':
    case ':':
    case ';':
    case '<':
    case '=':
    case '>':
    case '?':
    case '_':
        return true;
    default:
        return false;
    }
}

bool isCset39(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#' || c == '-' || c == '/';
}

bool isBase64Url(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '=';
}

template<bool (*InSet)(char)> qsizetype firstNotIn(QByteArrayView part)
{
    for (qsizetype i = 0; i < part.size(); ++i) {
        if (!InSet(part.at(i)))
            return i;
    }
    return -1;
}

// How a character is named in a message: printable ASCII quoted, anything else as a byte.
QString describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u == 0x1d)
        return QStringLiteral("a group separator (GS)");
    if (u < 0x20 || u >= 0x7f)
        return QStringLiteral("byte 0x%1")
            .arg(QString::number(u, 16).toUpper().rightJustified(2, QLatin1Char('0')));
    return QStringLiteral("'%1'").arg(QLatin1Char(c));
}

int toInt(QByteArrayView digits)
{
    int n = 0;
    for (char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

QString latin1(QByteArrayView v)
{
    return QString::fromLatin1(v);
}

bool patternMatches(QStringView pattern, QStringView ai)
{
    if (pattern.size() != ai.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == QLatin1Char('n')) {
            if (!ai.at(i).isDigit())
                return false;
        } else if (pattern.at(i) != ai.at(i)) {
            return false;
        }
    }
    return true;
}

QString describePattern(const QString &pattern)
{
    return QStringLiteral("AI %1").arg(pattern);
}

bool validIban(QByteArrayView iban)
{
    if (iban.size() < 5)
        return false;
    for (int i = 0; i < 2; ++i) {
        if (iban.at(i) < 'A' || iban.at(i) > 'Z')
            return false;
    }
    if (!isDigit(iban.at(2)) || !isDigit(iban.at(3)))
        return false;
    // Move the first four characters to the end, letters as 10..35, remainder mod 97 must be 1.
    int rem = 0;
    const auto feed = [&](char c) {
        if (isDigit(c)) {
            rem = (rem * 10 + (c - '0')) % 97;
        } else if (c >= 'A' && c <= 'Z') {
            rem = (rem * 100 + (c - 'A' + 10)) % 97;
        } else {
            return false;
        }
        return true;
    };
    for (qsizetype i = 4; i < iban.size(); ++i) {
        if (!feed(iban.at(i)))
            return false;
    }
    for (qsizetype i = 0; i < 4; ++i)
        feed(iban.at(i));
    return rem == 1;
}

} // namespace

Gs1Parser::Gs1Parser(const Gs1AiDictionary &dictionary) : m_dictionary(dictionary) { }

QDate Gs1Parser::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

QDate Gs1Parser::gs1Date(QStringView digits, QDate today)
{
    int year = 0;
    qsizetype at = 0;
    if (digits.size() == 6) {
        const int yy = digits.left(2).toInt();
        const int current = today.year() % 100;
        int century = today.year() / 100;
        const int diff = yy - current;
        // GS1 General Specifications 7.12: 51..99 years ahead means last century, 50..99 back
        // means next century.
        if (diff >= 51)
            --century;
        else if (diff <= -50)
            ++century;
        year = century * 100 + yy;
        at = 2;
    } else if (digits.size() == 8) {
        year = digits.left(4).toInt();
        at = 4;
    } else {
        return {};
    }
    bool okMonth = false;
    bool okDay = false;
    const int month = digits.mid(at, 2).toInt(&okMonth);
    const int day = digits.mid(at + 2, 2).toInt(&okDay);
    if (!okMonth || !okDay || month < 1 || month > 12)
        return {};
    if (day == 0)
        return QDate(year, month, 1).addMonths(1).addDays(-1);
    return QDate(year, month, day);
}

QString Gs1Parser::checkValue(const Gs1AiSpec &spec, QByteArrayView value) const
{
    const QString &ai = spec.ai;
    const auto fault = [&](const QString &what) { return QStringLiteral("AI %1: %2").arg(ai, what); };
    bool numericOnly = true;
    for (const auto &c : spec.components)
        numericOnly = numericOnly && c.type == 'N';
    const QString unit = numericOnly ? QStringLiteral("digits") : QStringLiteral("characters");
    const auto lengthFault = [&](qsizetype got) {
        if (spec.isFixedLength())
            return fault(QStringLiteral("%1 %2 required, got %3").arg(spec.maxLength).arg(unit).arg(got));
        if (got < spec.minLength)
            return fault(
                QStringLiteral("at least %1 %2 required, got %3").arg(spec.minLength).arg(unit).arg(got));
        return fault(QStringLiteral("%1 %2, at most %3 allowed").arg(got).arg(unit).arg(spec.maxLength));
    };

    if (value.isEmpty())
        return fault(QStringLiteral("no data"));

    qsizetype pos = 0;
    for (const auto &comp : spec.components) {
        const qsizetype remaining = value.size() - pos;
        if (remaining == 0) {
            if (comp.optional)
                break;
            return lengthFault(value.size());
        }
        qsizetype len = comp.maxLength;
        if (comp.minLength != comp.maxLength) {
            len = std::min<qsizetype>(remaining, comp.maxLength);
        } else if (remaining < len) {
            return lengthFault(value.size());
        }
        const QByteArrayView part = value.sliced(pos, len);
        // The character set check runs on every byte of every scan: one tight loop per set,
        // a message only on failure.
        qsizetype bad = -1;
        switch (comp.type) {
        case 'N':
            bad = firstNotIn<isDigit>(part);
            break;
        case 'Y':
            bad = firstNotIn<isCset39>(part);
            break;
        case 'Z':
            bad = firstNotIn<isBase64Url>(part);
            break;
        default:
            bad = firstNotIn<isCset82>(part);
            break;
        }
        if (bad >= 0) {
            const QString set = comp.type == 'N' ? QStringLiteral("is not a digit")
                : comp.type == 'Y'               ? QStringLiteral("is not in GS1 character set 39")
                : comp.type == 'Z'               ? QStringLiteral("is not a base64url character")
                                                 : QStringLiteral("is not in GS1 character set 82");
            return fault(QStringLiteral("%1 at position %2 %3")
                             .arg(describeChar(part.at(bad)))
                             .arg(pos + bad + 1)
                             .arg(set));
        }
        for (Gs1Check check : comp.checks) {
            QString err;
            switch (check) {
            case Gs1Check::Csum: {
                const int expected
                    = CheckDigit::mod10(std::string_view(part.data(), std::size_t(part.size() - 1)));
                if (expected != part.back() - '0')
                    err = QStringLiteral("check digit should be %1, got %2")
                              .arg(expected)
                              .arg(QLatin1Char(part.back()));
                break;
            }
            case Gs1Check::CsumAlpha: {
                char pair[2];
                if (part.size() < 2)
                    err = QStringLiteral("too short for check characters");
                else if (!CheckDigit::alphaPair(
                             std::string_view(part.data(), std::size_t(part.size() - 2)), pair))
                    err = QStringLiteral("cannot compute check characters");
                else if (pair[0] != part.at(part.size() - 2) || pair[1] != part.back())
                    err = QStringLiteral("check characters should be %1, got %2")
                              .arg(QString::fromLatin1(pair, 2), latin1(part.last(2)));
                break;
            }
            case Gs1Check::Key:
            case Gs1Check::KeyOff1: {
                // Identification keys start with the owner's GS1 Company Prefix, at least four
                // digits (after the indicator digit of a GTIN or SSCC). Whether that prefix is
                // allocated needs GS1's registry and is not checked on the floor.
                constexpr qsizetype kShortestCompanyPrefix = 4;
                const qsizetype from = check == Gs1Check::KeyOff1 ? 1 : 0;
                if (part.size() < from + kShortestCompanyPrefix) {
                    err = QStringLiteral("too short to hold a GS1 Company Prefix");
                    break;
                }
                for (qsizetype i = from; i < from + kShortestCompanyPrefix; ++i) {
                    if (!isDigit(part.at(i))) {
                        err = QStringLiteral("%1 at position %2 cannot be part of a GS1 Company Prefix")
                                  .arg(describeChar(part.at(i)))
                                  .arg(pos + i + 1);
                        break;
                    }
                }
                break;
            }
            case Gs1Check::Yymmd0:
            case Gs1Check::Yymmdd:
            case Gs1Check::Yyyymmdd:
            case Gs1Check::Yymmddhh: {
                const bool longYear = check == Gs1Check::Yyyymmdd;
                const qsizetype at = longYear ? 4 : 2;
                const QByteArrayView date = part.first(at + 4);
                const int month = toInt(date.sliced(at, 2));
                const int day = toInt(date.sliced(at + 2, 2));
                if (month < 1 || month > 12) {
                    err = QStringLiteral("month %1 is not a month").arg(latin1(date.sliced(at, 2)));
                } else if (day == 0 && check != Gs1Check::Yymmd0) {
                    err = QStringLiteral("day 00 is not allowed for this AI");
                } else if (day != 0) {
                    const QDate d = gs1Date(latin1(date), today());
                    if (!d.isValid())
                        err = QStringLiteral("day %1 is not a day of %2-%3")
                                  .arg(latin1(date.sliced(at + 2, 2)))
                                  .arg(gs1Date(latin1(date.first(at))
                                          + QStringLiteral("%1").arg(month, 2, 10, QLatin1Char('0'))
                                          + QStringLiteral("01"),
                                      today())
                                           .year())
                                  .arg(month, 2, 10, QLatin1Char('0'));
                }
                if (err.isEmpty() && check == Gs1Check::Yymmddhh && toInt(part.sliced(6, 2)) > 23)
                    err = QStringLiteral("hour %1 is not an hour").arg(latin1(part.sliced(6, 2)));
                break;
            }
            case Gs1Check::Hh:
                if (toInt(part.first(2)) > 23)
                    err = QStringLiteral("hour %1 is not an hour").arg(latin1(part.first(2)));
                break;
            case Gs1Check::Hhmi:
                if (toInt(part.first(2)) > 23)
                    err = QStringLiteral("hour %1 is not an hour").arg(latin1(part.first(2)));
                else if (toInt(part.sliced(2, 2)) > 59)
                    err = QStringLiteral("minute %1 is not a minute").arg(latin1(part.sliced(2, 2)));
                break;
            case Gs1Check::Mi:
                if (toInt(part.first(2)) > 59)
                    err = QStringLiteral("minute %1 is not a minute").arg(latin1(part.first(2)));
                break;
            case Gs1Check::Ss:
                if (toInt(part.first(2)) > 59)
                    err = QStringLiteral("second %1 is not a second").arg(latin1(part.first(2)));
                break;
            case Gs1Check::Iso3166:
            case Gs1Check::Iso3166999:
            case Gs1Check::Iso4217:
                // Three digits are already enforced; the code lists themselves change with ISO
                // updates, so they are not pinned here.
                break;
            case Gs1Check::Iso3166Alpha2:
                for (char c : part) {
                    if (c < 'A' || c > 'Z') {
                        err = QStringLiteral("'%1' is not a two-letter country code").arg(latin1(part));
                        break;
                    }
                }
                break;
            case Gs1Check::Iso5218:
                if (part != "0" && part != "1" && part != "2" && part != "9")
                    err = QStringLiteral("sex code must be 0, 1, 2 or 9, got %1").arg(latin1(part));
                break;
            case Gs1Check::YesNo:
                if (part != "0" && part != "1")
                    err = QStringLiteral("must be 0 or 1, got %1").arg(latin1(part));
                break;
            case Gs1Check::Zero:
                if (part != "0")
                    err = QStringLiteral("must start with 0, got %1").arg(latin1(part));
                break;
            case Gs1Check::NonZero:
                if (toInt(part) == 0)
                    err = QStringLiteral("%1 must not be zero").arg(latin1(part));
                break;
            case Gs1Check::Winding:
                if (part != "0" && part != "1" && part != "9")
                    err = QStringLiteral("winding direction must be 0, 1 or 9, got %1").arg(latin1(part));
                break;
            case Gs1Check::PieceOfTotal: {
                const int piece = toInt(part.first(2));
                const int total = toInt(part.sliced(2, 2));
                if (piece == 0 || total == 0 || piece > total)
                    err = QStringLiteral("piece %1 of %2 is not possible").arg(piece).arg(total);
                break;
            }
            case Gs1Check::Hyphen:
                if (part != "-")
                    err = QStringLiteral("expected '-', got %1").arg(describeChar(part.at(0)));
                break;
            case Gs1Check::Pcenc:
                for (qsizetype i = 0; i < part.size(); ++i) {
                    if (part.at(i) != '%')
                        continue;
                    if (i + 2 >= part.size() || !std::isxdigit(static_cast<unsigned char>(part.at(i + 1)))
                        || !std::isxdigit(static_cast<unsigned char>(part.at(i + 2)))) {
                        err = QStringLiteral("'%' at position %1 is not followed by two hex digits")
                                  .arg(pos + i + 1);
                        break;
                    }
                }
                break;
            case Gs1Check::Iban:
                if (!validIban(part))
                    err = QStringLiteral("%1 is not a valid IBAN").arg(latin1(part));
                break;
            case Gs1Check::Latitude:
                if (part.toLongLong() > 1800000000LL)
                    err = QStringLiteral("latitude %1 out of range").arg(latin1(part));
                break;
            case Gs1Check::Longitude:
                if (part.toLongLong() > 3600000000LL)
                    err = QStringLiteral("longitude %1 out of range").arg(latin1(part));
                break;
            case Gs1Check::ImporterIdx: {
                const char c = part.at(0);
                if (!(isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_'))
                    err = QStringLiteral("%1 is not an importer index").arg(describeChar(c));
                break;
            }
            case Gs1Check::PackageType:
                // Package type codes (UN/ECE Recommendation 21 and GS1's additions) are upper-case
                // letters and digits; the code list itself changes with GS1 updates, so it is not
                // pinned here.
                for (char c : part) {
                    if (!isDigit(c) && (c < 'A' || c > 'Z')) {
                        err = QStringLiteral("'%1' is not a package type code").arg(latin1(part));
                        break;
                    }
                }
                break;
            case Gs1Check::PosInSeqSlash: {
                const bool shape
                    = part.size() == 3 && isDigit(part.at(0)) && part.at(1) == '/' && isDigit(part.at(2));
                if (!shape || part.at(0) == '0' || part.at(0) > part.at(2))
                    err = QStringLiteral("'%1' is not a position in a sequence (n/m)").arg(latin1(part));
                break;
            }
            case Gs1Check::NoZeroPrefix:
                if (part.size() > 1 && part.at(0) == '0')
                    err = QStringLiteral("must not start with 0");
                break;
            case Gs1Check::HasNonDigit: {
                bool any = false;
                for (char c : part)
                    any = any || !isDigit(c);
                if (!any)
                    err = QStringLiteral("must contain a non-digit");
                break;
            }
            case Gs1Check::MediaType: {
                const int t = toInt(part);
                if (!((t >= 1 && t <= 10) || (t >= 80 && t <= 99)))
                    err = QStringLiteral("media type %1 is not defined").arg(latin1(part));
                break;
            }
            case Gs1Check::CouponCode:
            case Gs1Check::CouponPosOffer:
                // Coupon internals are checked by the redeeming system, not on the floor.
                break;
            }
            if (!err.isEmpty())
                return fault(err);
        }
        pos += len;
    }
    if (pos < value.size())
        return lengthFault(value.size());
    return {};
}

Gs1Element Gs1Parser::makeElement(const Gs1AiSpec &spec, QByteArrayView value) const
{
    Gs1Element e {spec.ai, latin1(value), spec.title};
    if (spec.decimal) {
        const int decimals = spec.ai.back().digitValue();
        QString digits = e.value;
        if (spec.currency) {
            e.unit = digits.left(3);
            digits = digits.mid(3);
        } else {
            e.unit = spec.unit;
        }
        while (digits.size() <= decimals)
            digits.prepend(QLatin1Char('0'));
        QString whole = digits.left(digits.size() - decimals);
        while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
            whole.remove(0, 1);
        e.decimal = decimals ? whole + QLatin1Char('.') + digits.right(decimals) : whole;
    } else if (!spec.unit.isEmpty()) {
        e.unit = spec.unit;
    }
    return e;
}

QString Gs1Parser::checkPairing(const QList<Gs1Element> &elements) const
{
    for (qsizetype i = 0; i < elements.size(); ++i) {
        for (qsizetype j = i + 1; j < elements.size(); ++j) {
            if (elements.at(i).ai == elements.at(j).ai && elements.at(i).value != elements.at(j).value)
                return QStringLiteral("AI %1 appears twice with different values (%2 and %3)")
                    .arg(elements.at(i).ai, elements.at(i).value, elements.at(j).value);
        }
    }
    if (!m_checkPairing)
        return {};
    const auto present = [&](QStringView pattern) {
        for (const auto &e : elements) {
            if (patternMatches(pattern, e.ai))
                return true;
        }
        return false;
    };
    for (const auto &e : elements) {
        const Gs1AiSpec *spec = m_dictionary.find(e.ai);
        if (!spec)
            continue;
        for (const QString &pattern : spec->excludes) {
            for (const auto &other : elements) {
                if (other.ai != e.ai && patternMatches(pattern, other.ai))
                    return QStringLiteral("AI %1 and AI %2 must not appear together").arg(e.ai, other.ai);
            }
        }
        for (const auto &groups : spec->required) {
            bool satisfied = false;
            for (const QStringList &group : groups) {
                bool all = true;
                for (const QString &p : group)
                    all = all && present(p);
                if (all) {
                    satisfied = true;
                    break;
                }
            }
            if (satisfied)
                continue;
            QStringList names;
            for (const QStringList &group : groups) {
                QStringList parts;
                for (const QString &p : group)
                    parts.append(describePattern(p));
                names.append(parts.join(QStringLiteral(" with ")));
            }
            if (names.size() == 1)
                return QStringLiteral("AI %1 requires %2").arg(e.ai, names.first());
            const QString last = names.takeLast();
            return QStringLiteral("AI %1 requires %2 or %3")
                .arg(e.ai, names.join(QStringLiteral(", ")), last);
        }
    }
    return {};
}

QString Gs1Parser::toHri(const QList<Gs1Element> &elements)
{
    QString hri;
    for (const auto &e : elements)
        hri += QLatin1Char('(') + e.ai + QLatin1Char(')') + e.value;
    return hri;
}

QByteArray Gs1Parser::toElementString(const QList<Gs1Element> &elements) const
{
    QByteArray out;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const auto &e = elements.at(i);
        out += e.ai.toLatin1() + e.value.toLatin1();
        const Gs1AiSpec *spec = m_dictionary.find(e.ai);
        if (i + 1 < elements.size() && !(spec && spec->predefinedLength))
            out += kGs;
    }
    return out;
}

Gs1ParseResult Gs1Parser::finish(QList<Gs1Element> elements) const
{
    Gs1ParseResult result;
    result.error = checkPairing(elements);
    if (!result.error.isEmpty())
        return result;
    // The same element twice with the same value (a label with the GTIN in two symbols, read as
    // one) stays twice, in elements and in the HRI, as it was scanned: what the scan held is
    // recorded as it was, and readers of one value take the first (Scan::element).
    result.valid = true;
    result.hri = toHri(elements);
    result.elements = std::move(elements);
    return result;
}

Gs1ParseResult Gs1Parser::parse(QByteArrayView data) const
{
    return parseImpl(data, true);
}

Gs1ParseResult Gs1Parser::parseImpl(QByteArrayView data, bool suggest) const
{
    Gs1ParseResult result;
    if (m_dictionary.isEmpty()) {
        result.error = m_dictionary.loadError().isEmpty() ? QStringLiteral("GS1 AI dictionary is empty")
                                                          : m_dictionary.loadError();
        return result;
    }
    const auto fail = [&](const QString &error) {
        result.error = error;
        return result;
    };
    const qsizetype n = data.size();
    qsizetype pos = 0;
    if (n > 0 && data.at(0) == kGs)
        pos = 1; // FNC1 in first position transmitted as data by some scanners
    if (pos >= n)
        return fail(QStringLiteral("No GS1 data"));

    QList<Gs1Element> elements;
    while (pos < n) {
        if (data.at(pos) == kGs)
            return fail(QStringLiteral("Two separators in a row at position %1").arg(pos + 1));
        const QByteArrayView rest = data.sliced(pos);
        const Gs1AiSpec *spec = m_dictionary.match(rest);
        if (!spec) {
            if (rest.size() < 2 && isDigit(rest.at(0)))
                return fail(QStringLiteral("Data ends inside an AI at position %1").arg(pos + 1));
            if (!isDigit(rest.at(0)) || !isDigit(rest.at(1))) {
                const char bad = isDigit(rest.at(0)) ? rest.at(1) : rest.at(0);
                if (elements.isEmpty())
                    return fail(QStringLiteral(
                        "Not GS1 data: an AI must start with two digits, found %1 at position %2")
                                    .arg(describeChar(bad))
                                    .arg(pos + 1));
                return fail(QStringLiteral("Expected an AI after AI %1 at position %2, found %3")
                                .arg(elements.last().ai)
                                .arg(pos + 1)
                                .arg(describeChar(bad)));
            }
            const int len = m_dictionary.aiLength(rest.at(0), rest.at(1));
            if (len == 0)
                return fail(
                    QStringLiteral("Unknown AI %1 at position %2").arg(latin1(rest.first(2))).arg(pos + 1));
            if (rest.size() < len)
                return fail(QStringLiteral("Data ends inside an AI at position %1").arg(pos + 1));
            return fail(
                QStringLiteral("Unknown AI %1 at position %2").arg(latin1(rest.first(len))).arg(pos + 1));
        }
        pos += spec->ai.size();
        QByteArrayView value;
        if (spec->predefinedLength) {
            const qsizetype want = spec->maxLength;
            qsizetype got = 0;
            while (got < want && pos + got < n && data.at(pos + got) != kGs)
                ++got;
            if (got < want)
                return fail(
                    QStringLiteral("AI %1: %2 digits required, got %3").arg(spec->ai).arg(want).arg(got));
            value = data.sliced(pos, want);
            pos += want;
            if (pos < n && data.at(pos) == kGs)
                ++pos; // not needed after a predefined-length AI, but harmless
        } else {
            qsizetype end = pos;
            while (end < n && data.at(end) != kGs)
                ++end;
            value = data.sliced(pos, end - pos);
            if (value.size() > spec->maxLength) {
                QString err = checkValue(*spec, value.first(spec->maxLength));
                if (err.isEmpty())
                    err = checkValue(*spec, value);
                if (suggest) {
                    // Look for the element that should have been separated off: the latest split
                    // whose rest is a valid element string. Internal AIs (90-99) take any data,
                    // so a split before one proves nothing.
                    for (qsizetype p = std::min<qsizetype>(spec->maxLength, value.size() - 1); p >= 1; --p) {
                        const Gs1ParseResult tail = parseImpl(value.sliced(p), false);
                        if (tail.valid && !tail.elements.first().ai.startsWith(QLatin1Char('9'))
                            && checkValue(*spec, value.first(p)).isEmpty()) {
                            err += QStringLiteral(" (missing separator before AI %1?)")
                                       .arg(tail.elements.first().ai);
                            break;
                        }
                    }
                }
                return fail(err);
            }
            pos = end;
            if (pos < n)
                ++pos; // the separator
        }
        const QString err = checkValue(*spec, value);
        if (!err.isEmpty())
            return fail(err);
        elements.append(makeElement(*spec, value));
    }
    if (!suggest) {
        // A tail tried for a suggestion only needs to be well formed.
        result.valid = true;
        result.elements = std::move(elements);
        return result;
    }
    return finish(std::move(elements));
}

Gs1ParseResult Gs1Parser::fromPairs(const QList<std::pair<QString, QString>> &pairs) const
{
    Gs1ParseResult result;
    if (m_dictionary.isEmpty()) {
        result.error = m_dictionary.loadError().isEmpty() ? QStringLiteral("GS1 AI dictionary is empty")
                                                          : m_dictionary.loadError();
        return result;
    }
    QList<Gs1Element> elements;
    for (const auto &[ai, value] : pairs) {
        const Gs1AiSpec *spec = m_dictionary.find(ai);
        if (!spec) {
            result.error = QStringLiteral("Unknown AI %1").arg(ai);
            return result;
        }
        const QByteArray bytes = value.toUtf8();
        const QString err = checkValue(*spec, bytes);
        if (!err.isEmpty()) {
            result.error = err;
            return result;
        }
        elements.append(makeElement(*spec, bytes));
    }
    if (elements.isEmpty()) {
        result.error = QStringLiteral("No GS1 data");
        return result;
    }
    return finish(std::move(elements));
}

Gs1ParseResult Gs1Parser::parseHri(QStringView hri) const
{
    QList<std::pair<QString, QString>> pairs;
    qsizetype i = 0;
    while (i < hri.size()) {
        if (hri.at(i) != QLatin1Char('(')) {
            Gs1ParseResult r;
            r.error = QStringLiteral("Expected '(' at position %1").arg(i + 1);
            return r;
        }
        const qsizetype close = hri.indexOf(QLatin1Char(')'), i);
        if (close < 0) {
            Gs1ParseResult r;
            r.error = QStringLiteral("Unclosed '(' at position %1").arg(i + 1);
            return r;
        }
        const QString ai = hri.mid(i + 1, close - i - 1).toString();
        QString value;
        i = close + 1;
        // A literal '(' inside a value is written "\(" in the bracketed form.
        while (i < hri.size() && hri.at(i) != QLatin1Char('(')) {
            if (hri.at(i) == QLatin1Char('\\') && i + 1 < hri.size() && hri.at(i + 1) == QLatin1Char('('))
                ++i;
            value += hri.at(i);
            ++i;
        }
        pairs.append({ai, value});
    }
    return fromPairs(pairs);
}

} // namespace dockhand
