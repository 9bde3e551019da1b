#pragma once

#include "rawscan.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace dockhand {

// What a scan means on the floor.
enum class ScanKind {
    Unknown, // nothing we recognise; shown to the operator as-is
    Product, // a trade item: GTIN-8/12/13/14 or GS1 data with AI 01/02
    Sscc, // a logistic unit: AI 00 or a bare 18-digit SSCC
    Location, // a bin / shelf label
    Tote, // a tote or container label
    Order, // an order number (AI 400 or the configured pattern)
    Badge, // an operator badge
};

QString scanKindName(ScanKind kind);

// One GS1 element: Application Identifier, its value as transmitted, and its title.
struct Gs1Element
{
    QString ai;
    QString value;
    QString title;
    // For AIs with an implied decimal point (310n-369n, 390n-395n): the value with its
    // decimal point ("1.234"); empty otherwise.
    QString decimal = {};
    // The unit of a measure ("kg", "m²", "%") or the ISO 4217 currency code of 391n/393n.
    QString unit = {};
    bool operator==(const Gs1Element &) const = default;
};

// Patterns that tell the warehouse's own labels apart. They come from configuration
// (see resources/config), never from code, so every site can use its own label scheme.
struct ClassifierConfig
{
    QRegularExpression location;
    QRegularExpression tote;
    QRegularExpression badge;
    QRegularExpression order;

    // The demo warehouse's scheme: A-01-02, TOTE-0001, OP-1001, SO-100001.
    static ClassifierConfig demoDefaults();

    // Reads {"location": "regex", "tote": ..., "badge": ..., "order": ...}. Each pattern must
    // match the whole scan; a missing key keeps the demo default, an empty string turns that
    // kind off. Unknown keys, non-strings and invalid patterns are refused: the result is the
    // demo defaults and `error` says which key is wrong and why.
    static ClassifierConfig fromJson(const QJsonObject &json, QString *error = nullptr);
};

// A scan after decoding: symbology, GS1 elements, check digits and kind.
// `valid == false` carries an operator-readable `error` and nothing else is trusted.
struct Scan
{
    RawScan raw;
    bool valid = false;
    QString error;
    QString symbology; // "GS1-128", "EAN-13", "QR Code", ... empty if unknown
    QString aim;
    ScanKind kind = ScanKind::Unknown;
    QString text; // the payload as text, GS as U+001D
    QList<Gs1Element> elements; // GS1 elements in transmitted order
    QString hri; // "(01)09506000134352(10)ABC123" for GS1, else empty
    QString gtin; // GTIN-14 when kind == Product
    QString sscc; // 18 digits when kind == Sscc
    QString code; // the label value for Location / Tote / Order / Badge
    QString lot;
    QString serial;
    QDate expiry; // AI 17, invalid when absent
    int count = 0; // AI 30 / 37, 0 when absent

    // The value of the first element with this AI, or an empty string.
    QString element(QStringView ai) const;

    // One compact JSON object as `dockhand-cli parse` prints it: valid, error, symbology, aim,
    // kind, text, elements [{ai, value, title[, decimal, unit]}], hri, and gtin / sscc / code /
    // lot / serial / expiry (ISO date) / count when present.
    QJsonObject toJson() const;
};

// Turns raw scans into Scans. Pure and thread-safe: the same input always gives the same result.
class ScanDecoder
{
public:
    explicit ScanDecoder(ClassifierConfig config = ClassifierConfig::demoDefaults());

    // Decodes one scan: AIM id (from raw.aim, or a leading "]xy" in the data), GS1 element
    // strings, GS1 Digital Link URIs, bare GTIN-8/12/13/14 and SSCC with check digits, then
    // the configured label patterns. Never throws; bad input gives valid == false + error.
    Scan decode(const RawScan &raw) const;

    // As decode(), but reads the data as a GS1 element string whatever the AIM id says
    // (FNC1 in first position implied), for `dockhand-cli parse --gs1` and keyed-in data.
    Scan decodeGs1(const RawScan &raw) const;

    // The date GS1 two-digit years are resolved against; defaults to today. For tests.
    void setToday(QDate today) { m_today = today; }

    const ClassifierConfig &config() const { return m_config; }

private:
    Scan decodeImpl(const RawScan &raw, bool forceGs1) const;

    ClassifierConfig m_config;
    QDate m_today;
};

} // namespace dockhand
