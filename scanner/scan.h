#pragma once

#include "rawscan.h"

#include <QDate>
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
};

// Turns raw scans into Scans. Pure and thread-safe: the same input always gives the same result.
class ScanDecoder
{
public:
    explicit ScanDecoder(ClassifierConfig config = ClassifierConfig::demoDefaults());

    Scan decode(const RawScan &raw) const;

private:
    ClassifierConfig m_config;
};

} // namespace dockhand
