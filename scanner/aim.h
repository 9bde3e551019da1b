#pragma once

#include <QByteArrayView>
#include <QString>

namespace dockhand {

// What an AIM symbology identifier ("]C1") says about the data that follows it.
struct AimInfo
{
    QString id; // "]C1"; empty when the scan carried none
    QString symbology; // "GS1-128", "EAN-13", ... empty when unknown
    bool gs1 = false; // the data is a GS1 element string (FNC1 in first position)
    bool known = false; // the id is in our table
};

// AIM symbology identifiers (ISO/IEC 15424): "]" + symbology letter + modifier character.
// Scanners prefix them when configured to; ZXing reports them. They are the only reliable way
// to tell GS1 data from look-alike plain text ("10D9T" in plain Code 128 is not lot D9T).
class Aim
{
public:
    // Describes `id`. A well-formed id whose letter we know but whose modifier we do not still
    // gets the symbology name; `known` is true only for ids in the table.
    static AimInfo info(QStringView id);

    // True when `data` starts with something shaped like an AIM id of a symbology we know:
    // ']', a symbology letter from the table, and an alphanumeric modifier.
    static bool startsWithId(QByteArrayView data);

    // Splits a leading AIM id off `data`. Returns the rest and writes the id (or an empty
    // string when there is none) to `id`.
    static QByteArrayView split(QByteArrayView data, QString *id);
};

} // namespace dockhand
