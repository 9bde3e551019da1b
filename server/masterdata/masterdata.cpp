#include "masterdata/masterdata.h"

#include <QDate>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace dockhand::server {

namespace {

constexpr qsizetype kMaxCodeLength = 64;
constexpr qsizetype kMaxNameLength = 200;
constexpr qint64 kMaxQuantity = 1000000000;
constexpr qint64 kMaxMillimetres = 100000;

bool allDigits(const QString &text)
{
    return !text.isEmpty()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// Reads the typed cells of one row and keeps its first problem, worded with the column's name.
class Cells
{
public:
    explicit Cells(const TableRow &row) : m_row(row) { }

    QString raw(const QString &column) const { return m_row.cells.value(columnKey(column)); }

    QString text(const QString &column, bool required, qsizetype maxLength = kMaxNameLength)
    {
        const QString value = raw(column);
        if (value.isEmpty()) {
            if (required)
                fail(QStringLiteral("'%1' is empty; it is required").arg(column));
            return {};
        }
        if (value.size() > maxLength)
            fail(QStringLiteral("'%1' is %2 characters long; at most %3 are accepted")
                     .arg(column)
                     .arg(value.size())
                     .arg(maxLength));
        else if (const QString formula = formulaCellError(column, value); !formula.isEmpty())
            fail(formula);
        return value;
    }

    // What a barcode holds: printable, no spaces.
    QString code(const QString &column, qsizetype maxLength = kMaxCodeLength)
    {
        const QString value = text(column, true, maxLength);
        for (const QChar c : value)
            if (!c.isPrint() || c.isSpace()) {
                fail(QStringLiteral("'%1' holds a space or a control character; it must be what its barcode "
                                    "holds")
                         .arg(column));
                break;
            }
        return value;
    }

    qint64 integer(const QString &column, qint64 minimum, qint64 maximum, bool required)
    {
        const QString value = raw(column);
        if (value.isEmpty()) {
            if (required)
                fail(QStringLiteral("'%1' is empty; it is required").arg(column));
            return 0;
        }
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok || n < minimum || n > maximum) {
            fail(QStringLiteral("'%1' must be a whole number from %2 to %3, not '%4'")
                     .arg(column)
                     .arg(minimum)
                     .arg(maximum)
                     .arg(value.left(32)));
            return 0;
        }
        return n;
    }

    double decimal(const QString &column, double maximum, bool required)
    {
        QString value = raw(column);
        if (value.isEmpty()) {
            if (required)
                fail(QStringLiteral("'%1' is empty; it is required").arg(column));
            return 0;
        }
        // Spreadsheets where the comma is the decimal sign write 0,25.
        if (value.count(u',') == 1 && !value.contains(u'.'))
            value.replace(u',', u'.');
        bool ok = false;
        const double n = value.toDouble(&ok);
        if (!ok || !(n >= 0) || n > maximum) {
            fail(QStringLiteral("'%1' must be a number from 0 to %2, not '%3'")
                     .arg(column)
                     .arg(maximum)
                     .arg(raw(column).left(32)));
            return 0;
        }
        return n;
    }

    bool flag(const QString &column)
    {
        const QString value = raw(column).toLower();
        static const QSet<QString> yes {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("y"),
            QStringLiteral("1"), QStringLiteral("x")};
        static const QSet<QString> no {QString(), QStringLiteral("false"), QStringLiteral("no"),
            QStringLiteral("n"), QStringLiteral("0")};
        if (yes.contains(value))
            return true;
        if (!no.contains(value))
            fail(QStringLiteral("'%1' must be true or false (or yes / no, 1 / 0), not '%2'")
                     .arg(column, raw(column).left(32)));
        return false;
    }

    QString gtin(const QString &column)
    {
        const QString value = raw(column);
        if (value.isEmpty()) {
            fail(QStringLiteral("'%1' is empty; it is required").arg(column));
            return {};
        }
        const auto normal = gtin14(value);
        if (!normal) {
            fail(gtinError(value));
            return value;
        }
        return *normal;
    }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }
    const QString &error() const { return m_error; }

private:
    const TableRow &m_row;
    QString m_error;
};

// Remembers each key's first row, to name both rows when a key repeats in one file.
class KeysSeen
{
public:
    QString repeat(const QString &key, int row, const QString &what)
    {
        const auto it = m_rows.constFind(key);
        if (it != m_rows.constEnd())
            return QStringLiteral("%1 appears twice in the file (first on row %2)").arg(what).arg(it.value());
        m_rows.insert(key, row);
        return {};
    }

private:
    QHash<QString, int> m_rows;
};

void parseRow(MasterDataFile &file, const TableRow &row, KeysSeen &keys, KeysSeen &secondKeys)
{
    Cells c(row);
    QString repeat;
    switch (file.kind) {
    case MasterDataKind::Products: {
        WarehouseData::Product p;
        p.gtin = c.gtin(QStringLiteral("gtin"));
        p.sku = c.text(QStringLiteral("sku"), true, kMaxCodeLength);
        p.name = c.text(QStringLiteral("name"), true);
        p.lotTracked = c.flag(QStringLiteral("lotTracked"));
        p.expiryTracked = c.flag(QStringLiteral("expiryTracked"));
        p.serialTracked = c.flag(QStringLiteral("serialTracked"));
        p.unitWeightKg = c.decimal(QStringLiteral("unitWeightKg"), 100000, false);
        p.lengthMm = int(c.integer(QStringLiteral("lengthMm"), 0, kMaxMillimetres, false));
        p.widthMm = int(c.integer(QStringLiteral("widthMm"), 0, kMaxMillimetres, false));
        p.heightMm = int(c.integer(QStringLiteral("heightMm"), 0, kMaxMillimetres, false));
        if (c.error().isEmpty()) {
            repeat = keys.repeat(p.gtin, row.row, QStringLiteral("GTIN %1").arg(p.gtin));
            if (repeat.isEmpty())
                repeat = secondKeys.repeat(p.sku, row.row, QStringLiteral("SKU %1").arg(p.sku));
        }
        file.products.append(p);
        break;
    }
    case MasterDataKind::Locations: {
        WarehouseData::Location l;
        l.code = c.code(QStringLiteral("code"));
        l.zone = c.text(QStringLiteral("zone"), false, 32);
        l.walkSequence
            = int(c.integer(QStringLiteral("walkSequence"), 0, std::numeric_limits<int>::max(), true));
        l.checkDigits = c.raw(QStringLiteral("checkDigits"));
        if (!l.checkDigits.isEmpty() && (l.checkDigits.size() > 4 || !allDigits(l.checkDigits)))
            c.fail(
                QStringLiteral("'checkDigits' must be 1 to 4 digits, not '%1'").arg(l.checkDigits.left(32)));
        if (c.error().isEmpty())
            repeat = keys.repeat(l.code, row.row, QStringLiteral("location %1").arg(l.code));
        file.locations.append(l);
        break;
    }
    case MasterDataKind::Stock: {
        WarehouseData::Stock s;
        s.location = c.code(QStringLiteral("location"));
        s.gtin = c.gtin(QStringLiteral("gtin"));
        s.quantity = c.integer(QStringLiteral("quantity"), 0, kMaxQuantity, true);
        s.lot = c.text(QStringLiteral("lot"), false, 20); // GS1 AI (10) holds at most 20 characters
        s.expiry = c.raw(QStringLiteral("expiry"));
        if (!s.expiry.isEmpty() && !QDate::fromString(s.expiry, Qt::ISODate).isValid())
            c.fail(QStringLiteral("'expiry' must be a date written YYYY-MM-DD, not '%1'")
                       .arg(s.expiry.left(32)));
        if (!s.expiry.isEmpty() && s.lot.isEmpty())
            c.fail(QStringLiteral("'expiry' is given without a 'lot'; an expiry date belongs to a lot"));
        if (c.error().isEmpty())
            repeat = keys.repeat(s.location + u'\x1f' + s.gtin + u'\x1f' + s.lot, row.row,
                s.lot.isEmpty() ? QStringLiteral("stock of %1 at %2").arg(s.gtin, s.location)
                                : QStringLiteral("stock of %1 lot %2 at %3").arg(s.gtin, s.lot, s.location));
        file.stock.append(s);
        break;
    }
    case MasterDataKind::Operators: {
        WarehouseData::Operator o;
        o.badge = c.code(QStringLiteral("badge"));
        o.name = c.text(QStringLiteral("name"), true);
        o.role = c.text(QStringLiteral("role"), true, 32).toLower();
        o.pin = c.raw(QStringLiteral("pin"));
        if (c.error().isEmpty() && !operatorRoles().contains(o.role))
            c.fail(QStringLiteral("'role' must be one of %1, not '%2'")
                       .arg(operatorRoles().join(QLatin1String(", ")), o.role.left(32)));
        if (!o.pin.isEmpty() && (o.pin.size() < 4 || o.pin.size() > 12 || !allDigits(o.pin)))
            c.fail(QStringLiteral("'pin' must be 4 to 12 digits (or empty to keep an operator's PIN)"));
        if (c.error().isEmpty())
            repeat = keys.repeat(o.badge, row.row, QStringLiteral("badge %1").arg(o.badge));
        file.operators.append(o);
        break;
    }
    case MasterDataKind::CartonTypes: {
        WarehouseData::Carton k;
        k.code = c.code(QStringLiteral("code"), 32);
        k.name = c.text(QStringLiteral("name"), true);
        k.lengthMm = int(c.integer(QStringLiteral("lengthMm"), 1, kMaxMillimetres, true));
        k.widthMm = int(c.integer(QStringLiteral("widthMm"), 1, kMaxMillimetres, true));
        k.heightMm = int(c.integer(QStringLiteral("heightMm"), 1, kMaxMillimetres, true));
        k.tareKg = c.decimal(QStringLiteral("tareKg"), 1000, true);
        if (c.error().isEmpty())
            repeat = keys.repeat(k.code, row.row, QStringLiteral("carton type %1").arg(k.code));
        file.cartons.append(k);
        break;
    }
    case MasterDataKind::Totes: {
        const QString code = c.code(QStringLiteral("code"));
        if (c.error().isEmpty())
            repeat = keys.repeat(code, row.row, QStringLiteral("tote %1").arg(code));
        file.totes.append(code);
        break;
    }
    }
    file.rows.append(row.row);
    if (!c.error().isEmpty())
        file.errors.append({row.row, c.error()});
    else if (!repeat.isEmpty())
        file.errors.append({row.row, repeat});
}

} // namespace

QString masterDataKindName(MasterDataKind kind)
{
    switch (kind) {
    case MasterDataKind::Products:
        return QStringLiteral("products");
    case MasterDataKind::Locations:
        return QStringLiteral("locations");
    case MasterDataKind::Stock:
        return QStringLiteral("stock");
    case MasterDataKind::Operators:
        return QStringLiteral("operators");
    case MasterDataKind::CartonTypes:
        return QStringLiteral("carton-types");
    case MasterDataKind::Totes:
        return QStringLiteral("totes");
    }
    return {};
}

const QList<MasterDataKind> &masterDataKinds()
{
    static const QList<MasterDataKind> kinds {MasterDataKind::Products, MasterDataKind::Locations,
        MasterDataKind::Stock, MasterDataKind::Operators, MasterDataKind::CartonTypes, MasterDataKind::Totes};
    return kinds;
}

std::optional<MasterDataKind> masterDataKind(const QString &name)
{
    for (const MasterDataKind kind : masterDataKinds())
        if (masterDataKindName(kind) == name)
            return kind;
    return std::nullopt;
}

const QList<MasterDataColumn> &masterDataColumns(MasterDataKind kind)
{
    static const QHash<MasterDataKind, QList<MasterDataColumn>> columns {
        {MasterDataKind::Products,
            {{QStringLiteral("gtin"), true}, {QStringLiteral("sku"), true}, {QStringLiteral("name"), true},
                {QStringLiteral("lotTracked")}, {QStringLiteral("expiryTracked")},
                {QStringLiteral("serialTracked")}, {QStringLiteral("unitWeightKg")},
                {QStringLiteral("lengthMm")}, {QStringLiteral("widthMm")}, {QStringLiteral("heightMm")}}},
        {MasterDataKind::Locations,
            {{QStringLiteral("code"), true}, {QStringLiteral("zone")}, {QStringLiteral("walkSequence"), true},
                {QStringLiteral("checkDigits")}}},
        {MasterDataKind::Stock,
            {{QStringLiteral("location"), true}, {QStringLiteral("gtin"), true}, {QStringLiteral("lot")},
                {QStringLiteral("quantity"), true}, {QStringLiteral("expiry")}}},
        {MasterDataKind::Operators,
            {{QStringLiteral("badge"), true}, {QStringLiteral("name"), true}, {QStringLiteral("role"), true},
                {QStringLiteral("pin")}}},
        {MasterDataKind::CartonTypes,
            {{QStringLiteral("code"), true}, {QStringLiteral("name"), true},
                {QStringLiteral("lengthMm"), true}, {QStringLiteral("widthMm"), true},
                {QStringLiteral("heightMm"), true}, {QStringLiteral("tareKg"), true}}},
        {MasterDataKind::Totes, {{QStringLiteral("code"), true}}},
    };
    return columns.find(kind).value();
}

QString formulaCellError(const QString &column, const QString &value)
{
    if (value.isEmpty())
        return {};
    const QChar first = value.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
        return QStringLiteral("'%1' starts with '%2', which a spreadsheet runs as a formula; remove that "
                              "character (or put the value in other words)")
            .arg(column,
                first == u'\t'       ? QStringLiteral("\\t")
                    : first == u'\r' ? QStringLiteral("\\r")
                                     : QString(first));
    return {};
}

MasterDataFile parseMasterData(MasterDataKind kind, const QByteArray &body, TableFormat format)
{
    MasterDataFile file;
    file.kind = kind;
    const QList<MasterDataColumn> &columns = masterDataColumns(kind);
    const TableFile table = readTable(body, format, masterDataKindName(kind),
        kind == MasterDataKind::Totes ? QStringLiteral("code") : QString());
    if (!table.error.isEmpty()) {
        file.error = table.error;
        return file;
    }
    QStringList names;
    QSet<QString> known;
    for (const MasterDataColumn &c : columns) {
        names.append(c.name);
        known.insert(columnKey(c.name));
    }
    for (const QString &key : table.columns)
        if (!known.contains(key)) {
            file.error = QStringLiteral("unknown column '%1'; the columns of %2 are %3")
                             .arg(key.left(40), masterDataKindName(kind), names.join(QLatin1String(", ")));
            return file;
        }
    if (format == TableFormat::Csv)
        for (const MasterDataColumn &c : columns)
            if (c.required && !table.columns.contains(columnKey(c.name))) {
                file.error = QStringLiteral("the column '%1' is missing; %2 need %3")
                                 .arg(c.name, masterDataKindName(kind), names.join(QLatin1String(", ")));
                return file;
            }
    file.errors = table.errors;
    KeysSeen keys, secondKeys;
    for (const TableRow &row : table.rows)
        parseRow(file, row, keys, secondKeys);
    if (file.rows.isEmpty() && file.errors.isEmpty())
        file.error = QStringLiteral("the file holds no %1 (only a header row, or an empty list)")
                         .arg(masterDataKindName(kind));
    std::sort(file.errors.begin(), file.errors.end(),
        [](const RowError &a, const RowError &b) { return a.row < b.row; });
    return file;
}

} // namespace dockhand::server
