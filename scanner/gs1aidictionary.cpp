#include "gs1aidictionary.h"

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGs1, "dockhand.scanner.gs1")

namespace dockhand {

namespace {

struct CheckName
{
    const char *name;
    Gs1Check check;
};

constexpr CheckName kCheckNames[] = {
    {"csum", Gs1Check::Csum},
    {"csumalpha", Gs1Check::CsumAlpha},
    {"key", Gs1Check::Key},
    {"keyoff1", Gs1Check::KeyOff1},
    {"yymmd0", Gs1Check::Yymmd0},
    {"yymmdd", Gs1Check::Yymmdd},
    {"yyyymmdd", Gs1Check::Yyyymmdd},
    {"yymmddhh", Gs1Check::Yymmddhh},
    {"hh", Gs1Check::Hh},
    {"hhmi", Gs1Check::Hhmi},
    {"mi", Gs1Check::Mi},
    {"ss", Gs1Check::Ss},
    {"iso3166", Gs1Check::Iso3166},
    {"iso3166999", Gs1Check::Iso3166999},
    {"iso3166alpha2", Gs1Check::Iso3166Alpha2},
    {"iso4217", Gs1Check::Iso4217},
    {"iso5218", Gs1Check::Iso5218},
    {"yesno", Gs1Check::YesNo},
    {"zero", Gs1Check::Zero},
    {"nonzero", Gs1Check::NonZero},
    {"winding", Gs1Check::Winding},
    {"pieceoftotal", Gs1Check::PieceOfTotal},
    {"hyphen", Gs1Check::Hyphen},
    {"pcenc", Gs1Check::Pcenc},
    {"iban", Gs1Check::Iban},
    {"latitude", Gs1Check::Latitude},
    {"longitude", Gs1Check::Longitude},
    {"importeridx", Gs1Check::ImporterIdx},
    {"packagetype", Gs1Check::PackageType},
    {"posinseqslash", Gs1Check::PosInSeqSlash},
    {"nozeroprefix", Gs1Check::NoZeroPrefix},
    {"hasnondigit", Gs1Check::HasNonDigit},
    {"mediatype", Gs1Check::MediaType},
    {"couponcode", Gs1Check::CouponCode},
    {"couponposoffer", Gs1Check::CouponPosOffer},
};

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// "N13,csum", "[X..17]", "[N6,yymmdd]" -> component; empty string on success, else the fault.
QString parseComponent(QStringView text, Gs1Component *out)
{
    Gs1Component c;
    QStringView t = text;
    if (t.startsWith(QLatin1Char('['))) {
        const auto close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return QStringLiteral("unclosed '[' in '%1'").arg(text);
        c.optional = true;
        // Linters may sit inside or after the brackets ("[N6,yymmdd]" or "[X1],hyphen").
        QString joined = t.mid(1, close - 1).toString() + t.mid(close + 1).toString();
        Gs1Component inner;
        const QString err = parseComponent(joined, &inner);
        if (!err.isEmpty())
            return err;
        inner.optional = true;
        *out = std::move(inner);
        return {};
    }
    const QList<QStringView> parts = t.split(QLatin1Char(','));
    const QStringView type = parts.first();
    if (type.size() < 2 || !QStringLiteral("NXYZ").contains(type.at(0)))
        return QStringLiteral("bad component type '%1'").arg(type);
    c.type = type.at(0).toLatin1();
    QStringView len = type.mid(1);
    bool variable = false;
    if (len.startsWith(QLatin1String(".."))) {
        variable = true;
        len = len.mid(2);
    }
    if (!allDigits(len))
        return QStringLiteral("bad length in '%1'").arg(type);
    c.maxLength = len.toInt();
    c.minLength = variable ? 1 : c.maxLength;
    if (c.maxLength < 1 || c.maxLength > 99)
        return QStringLiteral("bad length in '%1'").arg(type);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        bool found = false;
        for (const auto &cn : kCheckNames) {
            if (parts.at(i) == QLatin1String(cn.name)) {
                c.checks.push_back(cn.check);
                found = true;
                break;
            }
        }
        if (!found)
            return QStringLiteral("unknown check '%1'").arg(parts.at(i));
    }
    *out = std::move(c);
    return {};
}

QStringList splitPatterns(QStringView list)
{
    QStringList out;
    for (QStringView p : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.append(p.toString());
    return out;
}

int aiNumber(QByteArrayView ai)
{
    int n = 0;
    for (char c : ai) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

} // namespace

const Gs1AiDictionary &Gs1AiDictionary::instance()
{
    static const Gs1AiDictionary dictionary = [] {
        QFile file(QStringLiteral(":/dockhand/gs1/ai-dictionary.tsv"));
        if (!file.open(QIODevice::ReadOnly)) {
            Gs1AiDictionary empty;
            empty.m_loadError = QStringLiteral("GS1 AI dictionary resource is missing");
            qCCritical(lcGs1) << empty.m_loadError;
            return empty;
        }
        QString error;
        Gs1AiDictionary d = fromTsv(file.readAll(), &error);
        if (!error.isEmpty()) {
            d.m_loadError = QStringLiteral("GS1 AI dictionary: %1").arg(error);
            qCCritical(lcGs1) << d.m_loadError;
        }
        return d;
    }();
    return dictionary;
}

Gs1AiDictionary Gs1AiDictionary::fromTsv(QByteArrayView text, QString *error)
{
    Gs1AiDictionary d;
    const auto fail = [&](int line, const QString &what) {
        if (error)
            *error = QStringLiteral("line %1: %2").arg(line).arg(what);
        Gs1AiDictionary empty;
        empty.m_loadError = QStringLiteral("line %1: %2").arg(line).arg(what);
        return empty;
    };
    const QString all = QString::fromUtf8(text);
    const QList<QStringView> lines = QStringView(all).split(QLatin1Char('\n'));
    int lineNo = 0;
    for (QStringView line : lines) {
        ++lineNo;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QList<QStringView> cols = line.split(QLatin1Char('\t'));
        if (cols.size() != 5)
            return fail(
                lineNo, QStringLiteral("expected 5 tab-separated columns, found %1").arg(cols.size()));
        // AI or range
        const QStringView aiCol = cols.at(0);
        QStringView firstAi = aiCol;
        QStringView lastAi = aiCol;
        if (const auto dash = aiCol.indexOf(QLatin1Char('-')); dash > 0) {
            firstAi = aiCol.left(dash);
            lastAi = aiCol.mid(dash + 1);
        }
        if (!allDigits(firstAi) || !allDigits(lastAi) || firstAi.size() != lastAi.size() || firstAi.size() < 2
            || firstAi.size() > 4 || firstAi.toInt() > lastAi.toInt())
            return fail(lineNo, QStringLiteral("bad AI '%1'").arg(aiCol));

        Gs1AiSpec spec;
        spec.title = cols.at(4).trimmed().toString();
        const QStringView flags = cols.at(1);
        if (flags != QLatin1String("-")) {
            for (QChar f : flags) {
                if (f == QLatin1Char('*'))
                    spec.predefinedLength = true;
                else if (f == QLatin1Char('?'))
                    spec.dlAttribute = true;
                else
                    return fail(lineNo, QStringLiteral("unknown flag '%1'").arg(f));
            }
        }
        const QList<QStringView> comps = cols.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (comps.isEmpty())
            return fail(lineNo, QStringLiteral("no format"));
        bool seenOptional = false;
        for (qsizetype i = 0; i < comps.size(); ++i) {
            Gs1Component c;
            const QString err = parseComponent(comps.at(i), &c);
            if (!err.isEmpty())
                return fail(lineNo, err);
            if (seenOptional && !c.optional)
                return fail(lineNo, QStringLiteral("mandatory component after an optional one"));
            if (c.minLength != c.maxLength && i + 1 != comps.size())
                return fail(lineNo, QStringLiteral("only the last component may have variable length"));
            seenOptional = seenOptional || c.optional;
            if (!c.optional)
                spec.minLength += c.minLength;
            spec.maxLength += c.maxLength;
            for (Gs1Check check : c.checks) {
                if (check == Gs1Check::Csum)
                    spec.checkDigit = true;
                if (i == 0
                    && (check == Gs1Check::Yymmd0 || check == Gs1Check::Yymmdd || check == Gs1Check::Yyyymmdd
                        || check == Gs1Check::Yymmddhh))
                    spec.date = true;
            }
            spec.components.push_back(std::move(c));
        }
        if (spec.predefinedLength && spec.minLength != spec.maxLength)
            return fail(lineNo, QStringLiteral("a predefined-length AI must have a fixed length"));
        if (cols.at(3) != QLatin1String("-")) {
            for (QStringView attr : cols.at(3).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (attr.startsWith(QLatin1String("req="))) {
                    QList<QStringList> groups;
                    for (QStringView g : attr.mid(4).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                        QStringList group;
                        for (QStringView a : g.split(QLatin1Char('+'), Qt::SkipEmptyParts))
                            group.append(a.toString());
                        groups.append(group);
                    }
                    spec.required.append(groups);
                } else if (attr.startsWith(QLatin1String("ex="))) {
                    spec.excludes += splitPatterns(attr.mid(3));
                } else if (attr == QLatin1String("dlpkey")) {
                    spec.dlPrimaryKey = true;
                } else if (attr.startsWith(QLatin1String("dlpkey="))) {
                    spec.dlPrimaryKey = true;
                    for (QStringView alt : attr.mid(7).split(QLatin1Char('|')))
                        spec.dlQualifiers.append(splitPatterns(alt));
                } else if (attr == QLatin1String("dec")) {
                    spec.decimal = true;
                } else if (attr == QLatin1String("cur")) {
                    spec.currency = true;
                } else if (attr.startsWith(QLatin1String("unit="))) {
                    spec.unit = attr.mid(5).toString();
                } else {
                    return fail(lineNo, QStringLiteral("unknown attribute '%1'").arg(attr));
                }
            }
        }

        const int first = firstAi.toInt();
        const int last = lastAi.toInt();
        const int width = int(firstAi.size());
        for (int n = first; n <= last; ++n) {
            Gs1AiSpec s = spec;
            s.ai = QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
            const int prefix = s.ai.left(2).toInt();
            if (d.m_prefixLength[prefix] != 0 && d.m_prefixLength[prefix] != width)
                return fail(lineNo,
                    QStringLiteral("AI %1 has a different length than other AIs starting %2")
                        .arg(s.ai, s.ai.left(2)));
            if (d.find(s.ai))
                return fail(lineNo, QStringLiteral("AI %1 listed twice").arg(s.ai));
            d.m_prefixLength[prefix] = std::uint8_t(width);
            const auto index = std::uint16_t(d.m_specs.size() + 1);
            if (width == 2)
                d.m_index2[n] = index;
            else if (width == 3)
                d.m_index3[n] = index;
            else
                d.m_index4[n] = index;
            d.m_specs.push_back(std::move(s));
        }
    }
    if (d.m_specs.empty())
        return fail(lineNo, QStringLiteral("no AIs"));
    return d;
}

const Gs1AiSpec *Gs1AiDictionary::find(QByteArrayView ai) const
{
    const int n = aiNumber(ai);
    if (n < 0)
        return nullptr;
    std::uint16_t index = 0;
    switch (ai.size()) {
    case 2:
        index = m_index2[n];
        break;
    case 3:
        index = m_index3[n];
        break;
    case 4:
        index = m_index4[std::size_t(n)];
        break;
    default:
        return nullptr;
    }
    return index ? &m_specs[index - 1] : nullptr;
}

const Gs1AiSpec *Gs1AiDictionary::find(QStringView ai) const
{
    if (ai.size() < 2 || ai.size() > 4)
        return nullptr;
    char buf[4];
    for (qsizetype i = 0; i < ai.size(); ++i) {
        const char16_t c = ai.at(i).unicode();
        if (c < u'0' || c > u'9')
            return nullptr;
        buf[i] = char(c);
    }
    return find(QByteArrayView(buf, ai.size()));
}

int Gs1AiDictionary::aiLength(char first, char second) const
{
    if (first < '0' || first > '9' || second < '0' || second > '9')
        return 0;
    return m_prefixLength[std::size_t((first - '0') * 10 + (second - '0'))];
}

const Gs1AiSpec *Gs1AiDictionary::match(QByteArrayView data) const
{
    if (data.size() < 2)
        return nullptr;
    const int len = aiLength(data.at(0), data.at(1));
    if (len == 0 || data.size() < len)
        return nullptr;
    return find(data.first(len));
}

} // namespace dockhand
