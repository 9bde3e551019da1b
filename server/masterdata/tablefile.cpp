#include "masterdata/tablefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dockhand::server {

namespace {

TableFile failed(const QString &why)
{
    TableFile file;
    file.error = why;
    return file;
}

// Splits the whole text into records of fields. A quoted field may hold separators, doubled
// quotes and line breaks; `starts` gets the line each record starts on.
QList<QStringList> csvRecords(const QString &text, QChar separator, QList<int> &starts)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int line = 1;
    int start = 1;
    auto endField = [&] {
        fields.append(wasQuoted ? field : field.trimmed());
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = fields.size() == 1 && fields.first().isEmpty();
        if (!blank) {
            records.append(fields);
            starts.append(start);
        }
        fields.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
        } else if (c == u'"' && field.trimmed().isEmpty()) {
            quoted = true;
            wasQuoted = true;
            field.clear();
        } else if (c == separator) {
            endField();
        } else if (c == u'\n') {
            endRecord();
            ++line;
            start = line;
        } else if (c != u'\r') {
            field += c;
        }
    }
    endRecord();
    return records;
}

TableFile readCsv(const QString &text)
{
    // The header row says the separator: the one that splits it into the most columns.
    const QString header = text.section(QLatin1Char('\n'), 0, 0);
    QChar separator = u',';
    qsizetype most = 0;
    for (const QChar candidate : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        const qsizetype n = header.count(candidate);
        if (n > most) {
            most = n;
            separator = candidate;
        }
    }
    QList<int> starts;
    const QList<QStringList> records = csvRecords(text, separator, starts);
    if (records.isEmpty())
        return failed(QStringLiteral("the file is empty; the first row must name the columns"));
    TableFile file;
    QSet<QString> seen;
    for (const QString &name : records.first()) {
        const QString key = columnKey(name);
        if (key.isEmpty())
            return failed(
                QStringLiteral("row 1: a column has no name; the first row must name every column"));
        if (seen.contains(key))
            return failed(QStringLiteral("row 1: the column '%1' appears twice").arg(name.left(40)));
        seen.insert(key);
        file.columns.append(key);
    }
    for (qsizetype r = 1; r < records.size(); ++r) {
        const QStringList &fields = records.at(r);
        if (fields.size() != file.columns.size()) {
            file.errors.append({starts.at(r),
                QStringLiteral("expected %1 cells (as the header row names), got %2")
                    .arg(file.columns.size())
                    .arg(fields.size())});
            continue;
        }
        TableRow row {starts.at(r), {}};
        for (qsizetype c = 0; c < fields.size(); ++c)
            row.cells.insert(file.columns.at(c), fields.at(c));
        file.rows.append(row);
    }
    return file;
}

TableFile readJson(const QByteArray &body, const QString &section, const QString &bareColumn)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(QStringLiteral("malformed JSON at byte %1: %2 (send Content-Type: text/csv for CSV)")
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
    const QJsonValue list = doc.isArray() ? QJsonValue(doc.array()) : doc.object().value(section);
    if (!list.isArray())
        return failed(QStringLiteral("expected a JSON array of records, or {\"%1\": [...]}").arg(section));
    TableFile file;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int number = int(i) + 1;
        if (!bareColumn.isEmpty() && array.at(i).isString()) {
            const QString key = columnKey(bareColumn);
            if (!file.columns.contains(key))
                file.columns.append(key);
            file.rows.append({number, {{key, array.at(i).toString().trimmed()}}});
            continue;
        }
        if (!array.at(i).isObject()) {
            file.errors.append({number, QStringLiteral("must be a JSON object")});
            continue;
        }
        const QJsonObject object = array.at(i).toObject();
        TableRow row {number, {}};
        QString why;
        for (auto it = object.begin(); it != object.end() && why.isEmpty(); ++it) {
            const QString key = columnKey(it.key());
            const QJsonValue v = it.value();
            if (!file.columns.contains(key))
                file.columns.append(key);
            if (v.isString())
                row.cells.insert(key, v.toString().trimmed());
            else if (v.isBool())
                row.cells.insert(key, v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            else if (v.isDouble())
                row.cells.insert(key,
                    v.toDouble() == double(v.toInteger()) ? QString::number(v.toInteger())
                                                          : QString::number(v.toDouble(), 'g', 15));
            else if (v.isNull())
                row.cells.insert(key, QString());
            else
                why = QStringLiteral("field '%1' must be a string, a number or true/false")
                          .arg(it.key().left(40));
        }
        if (!why.isEmpty())
            file.errors.append({number, why});
        else
            file.rows.append(row);
    }
    return file;
}

} // namespace

QString columnKey(QStringView name)
{
    QString key;
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
}

qsizetype firstNonUtf8Byte(const QByteArray &body)
{
    const auto *b = reinterpret_cast<const unsigned char *>(body.constData());
    const qsizetype n = body.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = b[i];
        int extra = 0;
        unsigned int min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1;
            min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        unsigned int code = c & (0x3f >> extra);
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (b[i + k] & 0xc0) != 0x80)
                return i;
            code = (code << 6) | (b[i + k] & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return i;
        i += extra + 1;
    }
    return -1;
}

TableFile readTable(
    const QByteArray &body, TableFormat format, const QString &section, const QString &bareColumn)
{
    if (body.startsWith("\xff\xfe") || body.startsWith("\xfe\xff"))
        return failed(QStringLiteral("the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: "
                                     "\"CSV UTF-8\") and import it again"));
    if (const qsizetype bad = firstNonUtf8Byte(body); bad >= 0)
        return failed(QStringLiteral("the file is not UTF-8 text: the byte at offset %1 (line %2) is not "
                                     "UTF-8; save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\") and import "
                                     "it again")
                          .arg(bad)
                          .arg(body.left(bad).count('\n') + 1));
    if (format == TableFormat::Json)
        return readJson(body, section, bareColumn);
    QString text = QString::fromUtf8(body);
    if (text.startsWith(QChar(0xfeff))) // a byte order mark, as spreadsheets write
        text.remove(0, 1);
    return readCsv(text);
}

} // namespace dockhand::server
