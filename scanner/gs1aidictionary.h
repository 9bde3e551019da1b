#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <vector>

namespace dockhand {

// Content checks a component of an AI's data must pass, beyond its character set and length.
// The names match the check column of resources/gs1/ai-dictionary.tsv, which are the linter names
// of the GS1 Barcode Syntax Dictionary (scripts/gs1-dictionary-import.py maps them).
enum class Gs1Check : std::uint8_t {
    Csum, // mod-10 check digit (GTIN, SSCC, GLN, GSIN, GRAI, GSRN ...)
    CsumAlpha, // alphanumeric check character pair (GMN, MUDI)
    Key, // starts with a GS1 Company Prefix (at least 4 digits)
    KeyOff1, // a GS1 Company Prefix from the second character (after an indicator digit)
    Yymmd0, // date, day 00 = last day of the month
    Yymmdd, // date
    Yyyymmdd, // date with a four-digit year
    Yymmddhh, // date and hour
    Hh, // hour 00-23
    Hhmi, // hour and minute
    Mi, // minute 00-59
    Ss, // second 00-59
    Iso3166, // ISO 3166 numeric country code
    Iso3166999, // ISO 3166 numeric country code or 999
    Iso3166Alpha2, // ISO 3166 two-letter country code
    Iso4217, // ISO 4217 numeric currency code
    Iso5218, // ISO 5218 sex code 0, 1, 2 or 9
    YesNo, // 0 or 1
    Zero, // the digit 0
    NonZero, // not all zeros
    Winding, // 0, 1 or 9
    PieceOfTotal, // piece number nn of total mm, 01 <= nn <= mm
    Hyphen, // the character '-'
    Pcenc, // valid percent-encoding
    Iban, // IBAN with valid mod-97 check
    Latitude, // 10 digits, 0..1800000000
    Longitude, // 10 digits, 0..3600000000
    ImporterIdx, // importer index character
    PackageType, // package type code (upper-case letters and digits)
    PosInSeqSlash, // "n/m" position in sequence
    NoZeroPrefix, // no leading zero unless the value is "0"
    HasNonDigit, // at least one non-digit
    MediaType, // AIDC media type code
    CouponCode, // North American coupon code (structure only)
    CouponPosOffer, // positive offer file coupon (structure only)
};

// One part of an AI's data field, e.g. "N13,csum" or the optional "[X..17]" of AI 253.
struct Gs1Component
{
    char type = 'X'; // 'N' digits, 'X' CSET 82, 'Y' CSET 39, 'Z' base64url
    int minLength = 1;
    int maxLength = 1; // equal to minLength for a fixed-length component
    bool optional = false;
    std::vector<Gs1Check> checks;
};

// One Application Identifier as the dictionary describes it.
struct Gs1AiSpec
{
    QString ai; // "3103"
    QString title; // "NET WEIGHT (kg)"
    std::vector<Gs1Component> components;
    int minLength = 0; // of the data field, summed over the mandatory components
    int maxLength = 0; // summed over all components
    bool predefinedLength = false; // never followed by FNC1 (the "*" flag)
    bool dlAttribute = false; // allowed in a Digital Link query string (the "?" flag)
    bool checkDigit = false; // some component carries a mod-10 check digit
    bool date = false; // the data starts with a date
    bool decimal = false; // the last AI digit says how many decimals the value has
    bool currency = false; // the value starts with an ISO 4217 currency code
    QString unit; // "kg", "m²", "%" ... for measures
    // Each entry is one "req=" attribute: the element needs one of its groups, and a group
    // ("01+21") needs all of its AIs. Patterns may use 'n' for any digit ("31nn").
    QList<QList<QStringList>> required;
    QStringList excludes; // AIs or patterns that must not appear with this one
    bool dlPrimaryKey = false;
    QList<QStringList> dlQualifiers; // alternative ordered qualifier lists ("22,10,21|235")

    bool isFixedLength() const { return minLength == maxLength; }
};

// The table of all GS1 Application Identifiers, read from resources/gs1/ai-dictionary.tsv
// (compiled into the scanner library). Read-only after construction, so one instance is
// shared by every thread.
class Gs1AiDictionary
{
public:
    // The dictionary compiled into the library. Loaded once; a broken resource is a build
    // defect, logged at critical level, and leaves the dictionary empty (every AI unknown).
    static const Gs1AiDictionary &instance();

    // Reads a dictionary in the TSV format. On failure returns an empty dictionary and sets
    // `error` to "line N: what is wrong".
    static Gs1AiDictionary fromTsv(QByteArrayView text, QString *error = nullptr);

    bool isEmpty() const { return m_specs.empty(); }
    qsizetype size() const { return qsizetype(m_specs.size()); }
    const std::vector<Gs1AiSpec> &specs() const { return m_specs; }
    QString loadError() const { return m_loadError; }

    // The spec of exactly this AI, or nullptr.
    const Gs1AiSpec *find(QStringView ai) const;
    const Gs1AiSpec *find(QByteArrayView ai) const;

    // The length of any AI starting with these two digits (2, 3 or 4), or 0 when no AI does.
    int aiLength(char first, char second) const;

    // The AI at the start of `data` (its length decided by its first two digits), or nullptr.
    const Gs1AiSpec *match(QByteArrayView data) const;

private:
    std::vector<Gs1AiSpec> m_specs;
    // AI number -> index into m_specs + 1 (0 = none), one table per AI length.
    std::array<std::uint16_t, 100> m_index2 {};
    std::array<std::uint16_t, 1000> m_index3 {};
    std::vector<std::uint16_t> m_index4 = std::vector<std::uint16_t>(10000, 0);
    std::array<std::uint8_t, 100> m_prefixLength {};
    QString m_loadError;
};

} // namespace dockhand
