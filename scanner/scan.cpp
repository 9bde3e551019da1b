#include "scan.h"

#include "aim.h"
#include "checkdigit.h"
#include "digitallink.h"
#include "gs1parser.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace dockhand {

QString scanKindName(ScanKind kind)
{
    switch (kind) {
    case ScanKind::Unknown:
        return QStringLiteral("unknown");
    case ScanKind::Product:
        return QStringLiteral("product");
    case ScanKind::Sscc:
        return QStringLiteral("sscc");
    case ScanKind::Location:
        return QStringLiteral("location");
    case ScanKind::Tote:
        return QStringLiteral("tote");
    case ScanKind::Order:
        return QStringLiteral("order");
    case ScanKind::Badge:
        return QStringLiteral("badge");
    }
    return QStringLiteral("unknown");
}

ClassifierConfig ClassifierConfig::demoDefaults()
{
    return {QRegularExpression(QStringLiteral("^[A-Z]-\\d{2}-\\d{2}$")),
        QRegularExpression(QStringLiteral("^TOTE-\\d{4}$")),
        QRegularExpression(QStringLiteral("^OP-\\d{4}$")), QRegularExpression(QStringLiteral("^SO-\\d{6}$"))};
}

ClassifierConfig ClassifierConfig::fromJson(const QJsonObject &json, QString *error)
{
    ClassifierConfig config = demoDefaults();
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("Scan classifier configuration: %1").arg(why);
        return demoDefaults();
    };
    const std::pair<const char *, QRegularExpression ClassifierConfig::*> keys[] = {
        {"location", &ClassifierConfig::location},
        {"tote", &ClassifierConfig::tote},
        {"badge", &ClassifierConfig::badge},
        {"order", &ClassifierConfig::order},
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        bool known = false;
        for (const auto &[name, member] : keys)
            known = known || it.key() == QLatin1String(name);
        if (!known)
            return fail(
                QStringLiteral("unknown key '%1' (expected location, tote, badge, order)").arg(it.key()));
    }
    for (const auto &[name, member] : keys) {
        const QString key = QLatin1String(name);
        if (!json.contains(key))
            continue;
        const QJsonValue value = json.value(key);
        if (!value.isString())
            return fail(QStringLiteral("'%1' must be a string holding a regular expression").arg(key));
        const QString pattern = value.toString();
        if (pattern.isEmpty()) {
            config.*member = QRegularExpression(); // off: never matches, see matchesWhole()
            continue;
        }
        QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
        if (!re.isValid()) {
            // The offset refers to the anchored pattern, which adds "\A(?:" in front.
            const qsizetype offset = std::max<qsizetype>(0, re.patternErrorOffset() - 5);
            return fail(QStringLiteral("'%1' is not a valid regular expression: %2 at offset %3 in \"%4\"")
                            .arg(key, re.errorString())
                            .arg(offset)
                            .arg(pattern));
        }
        re.optimize();
        config.*member = re;
    }
    if (error)
        error->clear();
    return config;
}

QString Scan::element(QStringView ai) const
{
    for (const auto &e : elements) {
        if (e.ai == ai)
            return e.value;
    }
    return {};
}

QJsonObject Scan::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("valid"), valid);
    o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("symbology"), symbology);
    o.insert(QStringLiteral("aim"), aim);
    o.insert(QStringLiteral("kind"), scanKindName(kind));
    o.insert(QStringLiteral("text"), text);
    QJsonArray list;
    for (const auto &e : elements) {
        QJsonObject j {{QStringLiteral("ai"), e.ai}, {QStringLiteral("value"), e.value},
            {QStringLiteral("title"), e.title}};
        if (!e.decimal.isEmpty())
            j.insert(QStringLiteral("decimal"), e.decimal);
        if (!e.unit.isEmpty())
            j.insert(QStringLiteral("unit"), e.unit);
        list.append(j);
    }
    o.insert(QStringLiteral("elements"), list);
    o.insert(QStringLiteral("hri"), hri);
    const auto optional = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    optional("gtin", gtin);
    optional("sscc", sscc);
    optional("code", code);
    optional("lot", lot);
    optional("serial", serial);
    if (expiry.isValid())
        o.insert(QStringLiteral("expiry"), expiry.toString(Qt::ISODate));
    if (count > 0)
        o.insert(QStringLiteral("count"), count);
    return o;
}

ScanDecoder::ScanDecoder(ClassifierConfig config) : m_config(std::move(config)) { }

namespace {

constexpr char kGs = Gs1Parser::kGroupSeparator;

bool allDigits(QByteArrayView data)
{
    if (data.isEmpty())
        return false;
    for (char c : data) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool matchesWhole(const QRegularExpression &re, const QString &text)
{
    // An empty pattern is a kind switched off, not "match everything".
    return !re.pattern().isEmpty() && re.isValid() && re.match(text).hasMatch();
}

// UPC-E (8 digits: number system, 6 data digits, check) to its UPC-A form (12 digits).
QByteArray upcEToUpcA(QByteArrayView e)
{
    const QByteArrayView d = e.sliced(1, 6);
    QByteArray body;
    switch (d.at(5)) {
    case '0':
    case '1':
    case '2':
        body = d.first(2).toByteArray() + d.at(5) + "0000" + d.sliced(2, 3).toByteArray();
        break;
    case '3':
        body = d.first(3).toByteArray() + "00000" + d.sliced(3, 2).toByteArray();
        break;
    case '4':
        body = d.first(4).toByteArray() + "00000" + d.at(4);
        break;
    default:
        body = d.first(5).toByteArray() + "0000" + d.at(5);
        break;
    }
    return e.first(1).toByteArray() + body + e.last(1).toByteArray();
}

QString keyName(qsizetype digits)
{
    switch (digits) {
    case 8:
        return QStringLiteral("GTIN-8");
    case 12:
        return QStringLiteral("GTIN-12");
    case 13:
        return QStringLiteral("GTIN-13");
    case 14:
        return QStringLiteral("GTIN-14");
    case 18:
        return QStringLiteral("SSCC");
    default:
        return QStringLiteral("Number");
    }
}

// Check-digit fault for a bare GS1 key, or an empty string when the digit is right.
QString checkDigitFault(QByteArrayView digits)
{
    const int expected = CheckDigit::mod10(std::string_view(digits.data(), std::size_t(digits.size() - 1)));
    if (expected == digits.back() - '0')
        return {};
    return QStringLiteral("%1 %2: check digit should be %3, got %4")
        .arg(keyName(digits.size()), QString::fromLatin1(digits))
        .arg(expected)
        .arg(QLatin1Char(digits.back()));
}

// Fills kind and the floor fields from GS1 elements.
void classifyGs1(Scan &scan, QDate today)
{
    scan.lot = scan.element(u"10");
    scan.serial = scan.element(u"21");
    if (const QString expiry = scan.element(u"17"); !expiry.isEmpty())
        scan.expiry = Gs1Parser::gs1Date(expiry, today);
    QString count = scan.element(u"37");
    if (count.isEmpty())
        count = scan.element(u"30");
    scan.count = count.toInt(); // at most 8 digits, fits an int
    if (const QString sscc = scan.element(u"00"); !sscc.isEmpty()) {
        scan.kind = ScanKind::Sscc;
        scan.sscc = sscc;
        return;
    }
    for (const auto ai : {u"01", u"02", u"03"}) {
        if (const QString gtin = scan.element(ai); !gtin.isEmpty()) {
            scan.kind = ScanKind::Product;
            scan.gtin = gtin;
            return;
        }
    }
    if (const QString itip = scan.element(u"8006"); !itip.isEmpty()) {
        scan.kind = ScanKind::Product; // one piece of a multi-piece trade item
        scan.gtin = itip.left(14);
        return;
    }
    if (const QString order = scan.element(u"400"); !order.isEmpty()) {
        scan.kind = ScanKind::Order;
        scan.code = order;
        return;
    }
    if (const QString gln = scan.element(u"414"); !gln.isEmpty()) {
        scan.kind = ScanKind::Location; // GLN of a physical location, with its 254 extension
        const QString extension = scan.element(u"254");
        scan.code = extension.isEmpty() ? gln : gln + QLatin1Char('.') + extension;
        return;
    }
    if (const QString grai = scan.element(u"8003"); !grai.isEmpty()) {
        scan.kind = ScanKind::Tote; // a returnable asset: crate, tote, roll cage
        scan.code = grai;
        return;
    }
    scan.kind = ScanKind::Unknown;
}

} // namespace

Scan ScanDecoder::decode(const RawScan &raw) const
{
    return decodeImpl(raw, false);
}

Scan ScanDecoder::decodeGs1(const RawScan &raw) const
{
    return decodeImpl(raw, true);
}

Scan ScanDecoder::decodeImpl(const RawScan &raw, bool forceGs1) const
{
    Scan scan;
    scan.raw = raw;
    QByteArrayView data = raw.data;
    QString aim = raw.aim;
    if (aim.isEmpty())
        data = Aim::split(data, &aim);
    scan.aim = aim;
    const AimInfo info = aim.isEmpty() ? AimInfo {} : Aim::info(aim);
    scan.symbology = info.symbology;
    const auto refuse = [&](const QString &error) {
        scan.valid = false;
        scan.error = error;
        scan.kind = ScanKind::Unknown;
        return scan;
    };

    if (data.isEmpty())
        return refuse(QStringLiteral("Empty scan"));
    // Control characters other than the separators GS, RS and EOT (GS1 and ISO 15434 use
    // them) are line noise or a misconfigured scanner, never barcode content we act on.
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data.at(i));
        if ((c < 0x20 && c != 0x1d && c != 0x1e && c != 0x04) || c == 0x7f)
            return refuse(
                QStringLiteral("Scan contains control character 0x%1 at position %2 (scanner noise?)")
                    .arg(QString::number(c, 16).rightJustified(2, QLatin1Char('0')))
                    .arg(i + 1));
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    scan.text = utf8.decode(data);
    if (utf8.hasError()) {
        scan.text.clear();
        return refuse(QStringLiteral("Scan is not valid UTF-8 text (scanner noise or wrong code page?)"));
    }

    Gs1Parser parser;
    if (m_today.isValid())
        parser.setToday(m_today);
    const QDate today = parser.today();
    const auto acceptGs1 = [&](const Gs1ParseResult &result) {
        if (!result.valid)
            return refuse(result.error);
        scan.valid = true;
        scan.elements = result.elements;
        scan.hri = result.hri;
        classifyGs1(scan, today);
        return scan;
    };

    // Composite symbols: "<linear>|]e0<2D component>". Each part is read on its own, then the
    // pairing rules are checked over both together (the lot in the 2D part needs the GTIN of
    // the linear part).
    if (const auto bar = data.indexOf("|]e"); bar >= 0 && !forceGs1) {
        Gs1Parser partParser = parser;
        partParser.setCheckPairing(false);
        QList<std::pair<QString, QString>> pairs;
        const QByteArrayView linear = data.first(bar);
        if (info.gs1) {
            const Gs1ParseResult r = partParser.parse(linear);
            if (!r.valid)
                return refuse(r.error);
            for (const auto &e : r.elements)
                pairs.append({e.ai, e.value});
        } else if (allDigits(linear) && (linear.size() == 8 || linear.size() == 12 || linear.size() == 13)) {
            if (const QString fault = checkDigitFault(linear); !fault.isEmpty())
                return refuse(fault);
            pairs.append(
                {QStringLiteral("01"), QString::fromLatin1(linear).rightJustified(14, QLatin1Char('0'))});
        } else {
            return refuse(QStringLiteral("Composite symbol: the linear part is neither GS1 data nor a GTIN"));
        }
        QString ccAim;
        const QByteArrayView cc = Aim::split(data.sliced(bar + 1), &ccAim);
        const Gs1ParseResult r = partParser.parse(cc);
        if (!r.valid)
            return refuse(QStringLiteral("Composite component: %1").arg(r.error));
        for (const auto &e : r.elements)
            pairs.append({e.ai, e.value});
        if (!scan.symbology.isEmpty())
            scan.symbology += QStringLiteral(" Composite");
        return acceptGs1(parser.fromPairs(pairs));
    }

    if (forceGs1 || info.gs1)
        return acceptGs1(parser.parse(data));

    if (auto link = DigitalLink::parse(scan.text, parser))
        return acceptGs1(*link);

    // The bracketed human-readable form "(01)09506000134352(17)261231", as typed from a label
    // on the keypad or sent by a wedge: the same elements, the brackets carry the separators.
    if (aim.isEmpty() && scan.text.startsWith(QLatin1Char('(')) && scan.text.size() > 4
        && scan.text.at(1).isDigit() && scan.text.at(2).isDigit())
        return acceptGs1(parser.parseHri(scan.text));

    // Without an AIM id, a GS in data that starts with an AI is a GS1 element string from a
    // scanner that does not transmit the symbology; refusing it beats reading it as text.
    if (aim.isEmpty() && data.contains(kGs)) {
        const QByteArrayView body = data.at(0) == kGs ? data.sliced(1) : data;
        if (body.size() >= 2 && body.at(0) >= '0' && body.at(0) <= '9' && body.at(1) >= '0'
            && body.at(1) <= '9')
            return acceptGs1(parser.parse(data));
    }

    scan.valid = true;
    const QString &text = scan.text;
    const auto byPattern = [&]() {
        const std::pair<const QRegularExpression *, ScanKind> patterns[] = {
            {&m_config.location, ScanKind::Location},
            {&m_config.tote, ScanKind::Tote},
            {&m_config.badge, ScanKind::Badge},
            {&m_config.order, ScanKind::Order},
        };
        for (const auto &[re, kind] : patterns) {
            if (matchesWhole(*re, text)) {
                scan.kind = kind;
                scan.code = text;
                return true;
            }
        }
        return false;
    };

    if (allDigits(data)) {
        QByteArray digits = data.toByteArray();
        const bool ean = aim.startsWith(QLatin1String("]E"));
        if (aim == QLatin1String("]E3") && (digits.size() == 15 || digits.size() == 18))
            digits.truncate(13); // EAN-13 with a 2- or 5-digit add-on: the add-on is not the key
        if (aim == QLatin1String("]E0") && digits.size() == 8) {
            digits = upcEToUpcA(digits);
            scan.symbology = QStringLiteral("UPC-E");
        }
        const qsizetype n = digits.size();
        if (n == 8 || n == 12 || n == 13 || n == 14 || n == 18) {
            const QString fault = checkDigitFault(digits);
            if (fault.isEmpty()) {
                if (n == 18) {
                    scan.kind = ScanKind::Sscc;
                    scan.sscc = QString::fromLatin1(digits);
                } else {
                    scan.kind = ScanKind::Product;
                    scan.gtin = QString::fromLatin1(digits).rightJustified(14, QLatin1Char('0'));
                }
                return scan;
            }
            // A site's own numeric labels may share a length with GS1 keys; only refuse what
            // no configured pattern claims.
            if (!ean && byPattern())
                return scan;
            return refuse(fault);
        }
        if (ean)
            return refuse(QStringLiteral("%1 scan has %2 digits, not a GTIN").arg(scan.symbology).arg(n));
    }

    if (byPattern())
        return scan;
    scan.kind = ScanKind::Unknown;
    return scan;
}

} // namespace dockhand
