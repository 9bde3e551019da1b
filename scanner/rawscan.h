#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace dockhand {

// Where a scan came from. Every source produces the same RawScan value.
enum class ScanSource {
    Serial, // a serial or USB-CDC scanner read through QSerialPort
    Wedge, // a keyboard-wedge (HID) scanner recognised by its typing speed
    Camera, // the device camera decoded by ZXing
    Manual, // typed or pasted by a person (keypad, dockhand-cli)
};

QString scanSourceName(ScanSource source);

// Removes a leading AIM symbology identifier (']' + code letter + modifier, e.g. "]C1") from
// scanner data and returns it; returns an empty string and leaves `data` alone when there is none.
// Serial and wedge scanners send the id in band, so both sources need the same rule.
QString takeAimPrefix(QByteArray &data);

// One barcode read, exactly as the scanner delivered it, before any interpretation.
// `data` holds the payload without prefix, AIM id or suffix; GS1 separators stay byte 0x1D.
struct RawScan
{
    QByteArray data;
    QString aim; // AIM symbology identifier such as "]C1", empty when the scanner sent none
    ScanSource source = ScanSource::Manual;
    QString device; // port name, camera id or "keyboard"
    QDateTime time; // when the scan was read (UTC)
};

} // namespace dockhand

Q_DECLARE_METATYPE(dockhand::RawScan)
