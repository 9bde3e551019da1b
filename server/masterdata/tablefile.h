#pragma once

#include "orders/importparsers.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// A master-data file as spreadsheets and shop systems write it, read into rows of named cells
// before any cell is interpreted: CSV (header row first; comma, semicolon or tab, as the header
// row shows; RFC 4180 quotes, also around line breaks; a byte order mark is skipped) or JSON (an
// array of objects, or an object holding that array under the kind's name). Only UTF-8 is
// taken: any other encoding is refused with the line of the first byte that is not UTF-8.
namespace dockhand::server {

enum class TableFormat { Csv, Json };

struct TableRow
{
    int row = 0; // CSV: the line the record starts on (the header is line 1); JSON: 1, 2, ...
    QHash<QString, QString> cells; // by column key (columnKey()); JSON numbers and true/false as text
};

struct TableFile
{
    QList<TableRow> rows;
    QStringList columns; // the column keys present, in the file's order
    QList<RowError> errors; // rows that cannot be read at all
    QString error; // the file as a whole cannot be read (encoding, malformed JSON, no header)
};

// "Walk Sequence", "walk_sequence" and "walkSequence" name one column: lower case, letters and
// digits only.
QString columnKey(QStringView name);

// `section` is the key a JSON object holds the records under ("products", "carton-types" ...).
// Where `bareColumn` is given, a JSON record may also be a bare string: the value of that column
// (["TOTE-0001", "TOTE-0002"]).
TableFile readTable(
    const QByteArray &body, TableFormat format, const QString &section, const QString &bareColumn = {});

// Where `body` stops being UTF-8: the byte offset of the first invalid sequence, or -1.
qsizetype firstNonUtf8Byte(const QByteArray &body);

} // namespace dockhand::server
