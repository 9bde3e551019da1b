<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>HomePage</name>
    <message>
        <source>Latest scans</source>
        <translation>Letzte Scans</translation>
    </message>
    <message>
        <source>No scans yet on this device.</source>
        <translation>Noch keine Scans auf diesem Gerät.</translation>
    </message>
</context>
<context>
    <name>KeypadPanel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Decimal point</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Scan the barcode on your badge.</source>
        <translation>Scannen Sie den Barcode auf Ihrem Ausweis.</translation>
    </message>
    <message>
        <source>Scan your badge to start your shift</source>
        <translation>Ausweis scannen, um die Schicht zu beginnen</translation>
    </message>
    <message>
        <source>No scanner at hand? Type your badge number and your PIN.</source>
        <translation>Kein Scanner zur Hand? Ausweisnummer und PIN eintippen.</translation>
    </message>
    <message>
        <source>Type badge and PIN</source>
        <translation>Ausweis und PIN eintippen</translation>
    </message>
    <message>
        <source>Badge, e.g. OP-1001</source>
        <translation>Ausweis, z. B. OP-1001</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Dockhand — %1</source>
        <translation>Dockhand — %1</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>No operator</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Review exceptions</source>
        <translation>Ausnahmen prüfen</translation>
    </message>
</context>
<context>
    <name>MenuPage</name>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>Review exceptions</source>
        <translation>Ausnahmen prüfen</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Walk the pick list into totes</source>
        <translation>Pickliste in Behälter abarbeiten</translation>
    </message>
    <message>
        <source>Verify orders into cartons</source>
        <translation>Aufträge prüfen und verpacken</translation>
    </message>
    <message>
        <source>Short picks and damage</source>
        <translation>Fehlmengen und Schäden</translation>
    </message>
    <message>
        <source>Server, scans waiting, scanner</source>
        <translation>Server, wartende Scans, Scanner</translation>
    </message>
    <message>
        <source>Sounds, language, theme</source>
        <translation>Töne, Sprache, Darstellung</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>Hallo, %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>picker</source>
        <translation>Kommissionierer/in</translation>
    </message>
    <message>
        <source>packer</source>
        <translation>Packer/in</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>PackLineDelegate</name>
    <message numerus="yes">
        <source>%n set aside as damaged</source>
        <translation>
            <numerusform>%n beschädigt aussortiert</numerusform>
            <numerusform>%n beschädigt aussortiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>%1 to go</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>%1 × %2 × %3 cm</source>
        <translation>%1 × %2 × %3 cm</translation>
    </message>
    <message>
        <source>tote %1</source>
        <translation>Behälter %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Scan the tote label or the order&apos;s barcode to start.</source>
        <translation>Zum Start das Behälteretikett oder den Auftragsbarcode scannen.</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>Order packed</source>
        <translation>Auftrag verpackt</translation>
    </message>
    <message>
        <source>Carton %1</source>
        <translation>Karton %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) in this carton</source>
        <translation>
            <numerusform>%n Stück in diesem Karton</numerusform>
            <numerusform>%n Stück in diesem Karton</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s) closed</source>
        <translation>
            <numerusform>%n Karton geschlossen</numerusform>
            <numerusform>%n Kartons geschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Close this carton, more follow</source>
        <translation>Karton schließen, weitere folgen</translation>
    </message>
    <message>
        <source>Split the order over several cartons</source>
        <translation>Auftrag auf mehrere Kartons verteilen</translation>
    </message>
    <message>
        <source>Damaged item? Press and hold its line.</source>
        <translation>Artikel beschädigt? Zeile lange drücken.</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>Put the carton on the scale or type its weight</source>
        <translation>Karton auf die Waage stellen oder Gewicht eintippen</translation>
    </message>
    <message>
        <source>Weight in kg</source>
        <translation>Gewicht in kg</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Close carton</source>
        <translation>Karton schließen</translation>
    </message>
    <message>
        <source>Back to items</source>
        <translation>Zurück zu den Artikeln</translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s) closed and handed to labeling.</source>
        <translation>
            <numerusform>%n Karton geschlossen und an die Etikettierung übergeben.</numerusform>
            <numerusform>%n Kartons geschlossen und an die Etikettierung übergeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next order</source>
        <translation>Nächster Auftrag</translation>
    </message>
    <message>
        <source>Set one item aside</source>
        <translation>Einen Artikel aussortieren</translation>
    </message>
    <message>
        <source>What is wrong with %1?</source>
        <translation>Was stimmt nicht mit %1?</translation>
    </message>
    <message>
        <source>Item damaged</source>
        <translation>Artikel beschädigt</translation>
    </message>
    <message>
        <source>Packaging damaged</source>
        <translation>Verpackung beschädigt</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <source>No label? Type the order number&apos;s digits</source>
        <translation>Kein Etikett? Ziffern der Auftragsnummer eingeben</translation>
    </message>
    <message>
        <source>Or scan the carton&apos;s label on the carton sheet.</source>
        <translation>Oder das Etikett des Kartons auf dem Kartonbogen scannen.</translation>
    </message>
    <message>
        <source>or scan %1 again</source>
        <translation>oder %1 erneut scannen</translation>
    </message>
</context>
<context>
    <name>PickLineCard</name>
    <message>
        <source>Location</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>GTIN %1</source>
        <translation>GTIN %1</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Entnehmen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Tote</source>
        <translation>Behälter</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Position</numerusform>
            <numerusform>%n Positionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stück</numerusform>
        </translation>
    </message>
    <message>
        <source>No pick tasks for you right now. New tasks arrive with the next sync.</source>
        <translation>Zurzeit keine Pickaufträge für Sie. Neue Aufträge kommen mit der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Refresh tasks</source>
        <translation>Aufträge aktualisieren</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>Noch benötigt: %1</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message numerus="yes">
        <source>Walk (%n line(s))</source>
        <translation>
            <numerusform>Laufweg (%n Position)</numerusform>
            <numerusform>Laufweg (%n Positionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>Entnommen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>How many more?</source>
        <translation>Wie viele noch?</translation>
    </message>
    <message numerus="yes">
        <source>%n still to take</source>
        <translation>
            <numerusform>noch %n zu entnehmen</numerusform>
            <numerusform>noch %n zu entnehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Expiry (2027-03-31)</source>
        <translation>Verfallsdatum (2027-03-31)</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>Chargennummer</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>Verfallsdatum</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>Seriennummer</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review exceptions</source>
        <translation>Ausnahmen prüfen</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>Schaden</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>vom Server abgewiesen</translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation>wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>Nothing of this kind on this device.</source>
        <translation>Nichts dieser Art auf diesem Gerät.</translation>
    </message>
    <message>
        <source>No exceptions on this device: no short picks, damage or refusals.</source>
        <translation>Keine Ausnahmen auf diesem Gerät: keine Fehlmengen, Schäden oder Abweisungen.</translation>
    </message>
</context>
<context>
    <name>ScanBanner</name>
    <message>
        <source>Scan a barcode with the scanner.</source>
        <translation>Scannen Sie einen Barcode mit dem Scanner.</translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation>ANGENOMMEN</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>ABGELEHNT</translation>
    </message>
    <message>
        <source>NOT SAVED — SCAN AGAIN</source>
        <translation>NICHT GESPEICHERT — NOCHMAL SCANNEN</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Bereit zum Scannen</translation>
    </message>
</context>
<context>
    <name>ScanDelegate</name>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Server refused</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — scans are kept on this device</source>
        <translation>Offline — Scans bleiben auf diesem Gerät gespeichert</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>No serial port configured</source>
        <translation>Kein serieller Anschluss eingestellt</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>keiner eingestellt</translation>
    </message>
    <message>
        <source>DISCONNECTED — check the cable</source>
        <translation>GETRENNT — Kabel prüfen</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>Beep on every scan</source>
        <translation>Signalton bei jedem Scan</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>High contrast (bright or dim floors)</source>
        <translation>Hoher Kontrast (für helle oder dunkle Hallen)</translation>
    </message>
</context>
<context>
    <name>ShortPickDialog</name>
    <message>
        <source>Short pick</source>
        <translation>Fehlmenge melden</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) missing at %1. Why?</source>
        <translation>
            <numerusform>%n Stück fehlt an %1. Warum?</numerusform>
            <numerusform>%n Stück fehlen an %1. Warum?</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found in the location</source>
        <translation>Nicht am Lagerplatz gefunden</translation>
    </message>
    <message>
        <source>Not enough in the location</source>
        <translation>Nicht genug am Lagerplatz</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Wrong item in the location</source>
        <translation>Falscher Artikel am Lagerplatz</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Connecting to server…</source>
        <translation>Verbinde mit dem Server…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — scans are kept on this device</source>
        <translation>Offline — Scans bleiben auf diesem Gerät gespeichert</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>nothing — all scans synced</source>
        <translation>nichts — alle Scans übertragen</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) not yet on the server</source>
        <translation>
            <numerusform>%n Scan noch nicht auf dem Server</numerusform>
            <numerusform>%n Scans noch nicht auf dem Server</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Übertragung</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>keiner eingestellt</translation>
    </message>
    <message>
        <source>DISCONNECTED — check the cable</source>
        <translation>GETRENNT — Kabel prüfen</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Batch done</source>
        <translation>Auftrag erledigt</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Batch complete</source>
        <translation>Pickauftrag abgeschlossen</translation>
    </message>
    <message>
        <source>Lines picked</source>
        <translation>Positionen entnommen</translation>
    </message>
    <message>
        <source>Lines short</source>
        <translation>Positionen mit Fehlmenge</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Take these totes to packing:</source>
        <translation>Bringen Sie diese Behälter zum Packplatz:</translation>
    </message>
    <message>
        <source>Done — next task</source>
        <translation>Fertig — nächster Auftrag</translation>
    </message>
</context>
<context>
    <name>dockhand::AppCore</name>
    <message>
        <source>No serial scanner configured</source>
        <translation>Kein serieller Scanner eingestellt</translation>
    </message>
</context>
<context>
    <name>dockhand::DeviceStatus</name>
    <message>
        <source>CANNOT SAVE SCANS</source>
        <translation>SCANS WERDEN NICHT GESPEICHERT</translation>
    </message>
    <message>
        <source>SCANNER DISCONNECTED</source>
        <translation>SCANNER GETRENNT</translation>
    </message>
    <message>
        <source>%1 Nothing you scan is kept until this is fixed: call a supervisor.</source>
        <translation>%1 Bis das behoben ist, wird nichts gespeichert, was Sie scannen: Rufen Sie eine Aufsicht.</translation>
    </message>
    <message>
        <source>Check the scanner&apos;s cable or cradle. Scans resume when it is back.</source>
        <translation>Prüfen Sie Kabel oder Ladestation des Scanners. Sobald er wieder da ist, geht das Scannen weiter.</translation>
    </message>
    <message>
        <source>%1. Check the scanner&apos;s cable or cradle; scans resume when it is back.</source>
        <translation>%1. Prüfen Sie Kabel oder Ladestation des Scanners; sobald er wieder da ist, geht das Scannen weiter.</translation>
    </message>
</context>
<context>
    <name>dockhand::OperatorSession</name>
    <message>
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>Review exceptions</source>
        <translation>Ausnahmen prüfen</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>%1 is not a badge. Open a workflow from the menu to scan it.</source>
        <translation>%1 ist kein Ausweis. Öffnen Sie im Menü einen Arbeitsschritt, um das zu scannen.</translation>
    </message>
    <message>
        <source>Log in first: scan your operator badge (this was %1).</source>
        <translation>Erst anmelden: Scannen Sie Ihren Ausweis (gescannt wurde %1).</translation>
    </message>
    <message>
        <source>Badge %1 is not known on this device. Ask a supervisor, or sync and try again.</source>
        <translation>Ausweis %1 ist auf diesem Gerät unbekannt. Fragen Sie die Schichtleitung oder synchronisieren Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Wrong PIN for %1. Type it again.</source>
        <translation>Falsche PIN für %1. Bitte erneut eingeben.</translation>
    </message>
    <message>
        <source>Scan your badge first.</source>
        <translation>Scannen Sie zuerst Ihren Ausweis.</translation>
    </message>
    <message>
        <source>%1 has the role &quot;%2&quot;, which cannot use this device.</source>
        <translation>%1 hat die Rolle „%2“, die dieses Gerät nicht benutzen darf.</translation>
    </message>
    <message>
        <source>Hello %1 (%2)</source>
        <translation>Hallo %1 (%2)</translation>
    </message>
    <message>
        <source>Goodbye %1</source>
        <translation>Auf Wiedersehen, %1</translation>
    </message>
    <message>
        <source>Scan your badge to log in</source>
        <translation>Ausweis scannen zum Anmelden</translation>
    </message>
    <message>
        <source>%1: type your PIN</source>
        <translation>%1: PIN eingeben</translation>
    </message>
    <message>
        <source>Choose from the menu</source>
        <translation>Im Menü auswählen</translation>
    </message>
</context>
<context>
    <name>dockhand::PackWorkflow</name>
    <message>
        <source>Scan a tote or an order number first (this was %1).</source>
        <translation>Scannen Sie zuerst einen Behälter oder eine Auftragsnummer (gescannt wurde %1).</translation>
    </message>
    <message>
        <source>No order is in tote %1 on this device: sync, or scan the order number.</source>
        <translation>Zu Behälter %1 ist auf diesem Gerät kein Auftrag bekannt: synchronisieren oder die Auftragsnummer scannen.</translation>
    </message>
    <message>
        <source>Order %1 is not on this device: sync and scan it again.</source>
        <translation>Auftrag %1 ist nicht auf diesem Gerät: synchronisieren und erneut scannen.</translation>
    </message>
    <message>
        <source>Order %1 is open: finish it before opening another.</source>
        <translation>Auftrag %1 ist offen: erst abschließen, dann einen anderen öffnen.</translation>
    </message>
    <message>
        <source>Scan the items of order %1 (this was %2).</source>
        <translation>Scannen Sie die Artikel von Auftrag %1 (gescannt wurde %2).</translation>
    </message>
    <message>
        <source>The carton is being closed: tap Back to items to add more, or close it first.</source>
        <translation>Der Karton wird gerade geschlossen: „Zurück zu den Artikeln“ tippen, um mehr hinzuzufügen, oder ihn zuerst schließen.</translation>
    </message>
    <message>
        <source>Order %1 is packed: scan the next tote or order.</source>
        <translation>Auftrag %1 ist verpackt: nächsten Behälter oder Auftrag scannen.</translation>
    </message>
    <message>
        <source>Order %1 is not on this device: sync and try again.</source>
        <translation>Auftrag %1 ist nicht auf diesem Gerät: synchronisieren und erneut versuchen.</translation>
    </message>
    <message>
        <source>Order %1 is cancelled: do not pack it. Set the tote aside for the supervisor.</source>
        <translation>Auftrag %1 ist storniert: nicht verpacken. Behälter für die Schichtleitung beiseitestellen.</translation>
    </message>
    <message>
        <source>Nothing to pack in order %1: no picked units waiting (sync if it was just picked).</source>
        <translation>In Auftrag %1 ist nichts zu verpacken: keine entnommenen Stücke (synchronisieren, falls gerade kommissioniert).</translation>
    </message>
    <message>
        <source>NOT IN THIS ORDER: %1 (%2). Do not pack it: put it aside and tell the supervisor.</source>
        <translation>NICHT IN DIESEM AUFTRAG: %1 (%2). Nicht verpacken: beiseitelegen und der Schichtleitung melden.</translation>
    </message>
    <message>
        <source>ONE TOO MANY: all %1 of %2 are already verified. Do not pack it: put it back and tell the supervisor.</source>
        <translation>EINS ZU VIEL: alle %1 von %2 sind schon geprüft. Nicht verpacken: zurücklegen und der Schichtleitung melden.</translation>
    </message>
    <message>
        <source>TOO MANY: only %1 more of %2 belong in this order (the scan counts %3).</source>
        <translation>ZU VIELE: nur noch %1 von %2 gehören in diesen Auftrag (der Scan zählt %3).</translation>
    </message>
    <message>
        <source>%1: %2 of %3 verified</source>
        <translation>%1: %2 von %3 geprüft</translation>
    </message>
    <message>
        <source>Scan the items for this carton first.</source>
        <translation>Scannen Sie zuerst die Artikel für diesen Karton.</translation>
    </message>
    <message>
        <source>Verify the items first, then choose a carton.</source>
        <translation>Erst die Artikel prüfen, dann einen Karton wählen.</translation>
    </message>
    <message>
        <source>Carton type %1 is not configured: choose one from the list.</source>
        <translation>Kartontyp %1 ist nicht eingerichtet: einen aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Choose a carton before weighing it.</source>
        <translation>Wählen Sie einen Karton, bevor Sie ihn wiegen.</translation>
    </message>
    <message>
        <source>%1 kg is not a carton weight: weigh it again.</source>
        <translation>%1 kg ist kein Kartongewicht: bitte erneut wiegen.</translation>
    </message>
    <message>
        <source>Weigh the carton first (scale or keypad).</source>
        <translation>Zuerst den Karton wiegen (Waage oder Tastenfeld).</translation>
    </message>
    <message>
        <source>Choose a carton and weigh it first.</source>
        <translation>Zuerst einen Karton wählen und wiegen.</translation>
    </message>
    <message>
        <source>There is no carton being closed.</source>
        <translation>Es wird gerade kein Karton geschlossen.</translation>
    </message>
    <message>
        <source>Open an order and go to its items to flag damage.</source>
        <translation>Öffnen Sie einen Auftrag und gehen Sie zu seinen Artikeln, um einen Schaden zu melden.</translation>
    </message>
    <message>
        <source>Order %1 has no line %2.</source>
        <translation>Auftrag %1 hat keine Position %2.</translation>
    </message>
    <message>
        <source>Choose a reason: damaged, packaging or wrong item.</source>
        <translation>Grund wählen: beschädigt, Verpackung oder falscher Artikel.</translation>
    </message>
    <message>
        <source>No unit of %1 is left to set aside: every one is packed.</source>
        <translation>Von %1 ist kein Stück mehr auszusortieren: alle sind verpackt.</translation>
    </message>
    <message>
        <source>%1 set aside as %2: put it in the damage bin.</source>
        <translation>%1 aussortiert als %2: in die Schadenskiste legen.</translation>
    </message>
    <message>
        <source>Scan a tote or an order number</source>
        <translation>Behälter oder Auftragsnummer scannen</translation>
    </message>
    <message>
        <source>Scan each item of order %1</source>
        <translation>Jeden Artikel von Auftrag %1 scannen</translation>
    </message>
    <message>
        <source>%1 kg: close the carton</source>
        <translation>%1 kg: Karton schließen</translation>
    </message>
    <message>
        <source>Put the carton on the scale, or type its weight</source>
        <translation>Karton auf die Waage stellen oder Gewicht eintippen</translation>
    </message>
    <message>
        <source>Order %1 packed: scan the next tote or order</source>
        <translation>Auftrag %1 verpackt: nächsten Behälter oder Auftrag scannen</translation>
    </message>
    <message>
        <source>%1 could be %2: type the whole order number.</source>
        <translation>%1 kann %2 sein: bitte die ganze Auftragsnummer eingeben.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1: %n unit(s) to pack</source>
        <translation>
            <numerusform>Auftrag %1: %n Stück zu packen</numerusform>
            <numerusform>Auftrag %1: %n Stück zu packen</numerusform>
        </translation>
    </message>
    <message>
        <source>Weigh the carton first (scale or keypad), then scan %1 again to close it.</source>
        <translation>Erst den Karton wiegen (Waage oder Tastatur), dann %1 erneut scannen, um ihn zu schließen.</translation>
    </message>
    <message numerus="yes">
        <source>Carton %1 closed: %n unit(s), %2 kg</source>
        <translation>
            <numerusform>Karton %1 geschlossen: %n Stück, %2 kg</numerusform>
            <numerusform>Karton %1 geschlossen: %n Stück, %2 kg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n verified unit(s) not in a closed carton: close the carton first.</source>
        <translation>
            <numerusform>%n geprüftes Stück ist nicht in einem geschlossenen Karton: erst den Karton schließen.</numerusform>
            <numerusform>%n geprüfte Stück sind nicht in einem geschlossenen Karton: erst den Karton schließen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Choose a carton for %n unit(s)</source>
        <translation>
            <numerusform>Karton für %n Stück wählen</numerusform>
            <numerusform>Karton für %n Stück wählen</numerusform>
        </translation>
    </message>
    <message>
        <source>Carton %1</source>
        <translation>Karton %1</translation>
    </message>
</context>
<context>
    <name>dockhand::PickWorkflow</name>
    <message>
        <source>Finish batch %1 first.</source>
        <translation>Schließen Sie zuerst Pickauftrag %1 ab.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Bitte zuerst anmelden.</translation>
    </message>
    <message>
        <source>Task %1 is not available on this device: sync and choose again.</source>
        <translation>Auftrag %1 ist auf diesem Gerät nicht verfügbar: synchronisieren und erneut wählen.</translation>
    </message>
    <message>
        <source>Choose a pick task first.</source>
        <translation>Wählen Sie zuerst einen Pickauftrag.</translation>
    </message>
    <message>
        <source>Batch %1 is done: hand the totes to packing and tap Finish.</source>
        <translation>Pickauftrag %1 ist erledigt: Behälter zum Packplatz bringen und „Fertig“ tippen.</translation>
    </message>
    <message>
        <source>Scan the location label %1 first (this was %2).</source>
        <translation>Scannen Sie zuerst das Lagerplatzetikett %1 (gescannt wurde %2).</translation>
    </message>
    <message>
        <source>Scan an empty tote label for order %1 (this was %2).</source>
        <translation>Scannen Sie das Etikett eines leeren Behälters für Auftrag %1 (gescannt wurde %2).</translation>
    </message>
    <message>
        <source>Tote %1 already holds order %2: take another empty tote.</source>
        <translation>Behälter %1 enthält schon Auftrag %2: einen anderen leeren Behälter nehmen.</translation>
    </message>
    <message>
        <source>Tote %1 still holds order %2: take another empty tote.</source>
        <translation>Behälter %1 enthält noch Auftrag %2: einen anderen leeren Behälter nehmen.</translation>
    </message>
    <message>
        <source>Order %1 goes into tote %2</source>
        <translation>Auftrag %1 kommt in Behälter %2</translation>
    </message>
    <message>
        <source>Wrong location: scanned %1, go to %2.</source>
        <translation>Falscher Lagerplatz: %1 gescannt, gehen Sie zu %2.</translation>
    </message>
    <message>
        <source>Location %1: pick %2</source>
        <translation>Lagerplatz %1: %2 entnehmen</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>Chargennummer</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>Verfallsdatum</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Line not complete: pick %1 more of %2 first.</source>
        <translation>Position nicht vollständig: erst noch %1 von %2 entnehmen.</translation>
    </message>
    <message>
        <source>Scan the product %1 (%2); this was %3.</source>
        <translation>Scannen Sie den Artikel %1 (%2); gescannt wurde %3.</translation>
    </message>
    <message>
        <source>Wrong item: scanned %1 (%2), this line wants %3 (%4).</source>
        <translation>Falscher Artikel: %1 (%2) gescannt, diese Position verlangt %3 (%4).</translation>
    </message>
    <message>
        <source>Expired: lot %1 expired on %2. Put it back and take another unit.</source>
        <translation>Abgelaufen: Charge %1 ist am %2 abgelaufen. Zurücklegen und ein anderes Stück nehmen.</translation>
    </message>
    <message>
        <source>(no lot)</source>
        <translation>(ohne Charge)</translation>
    </message>
    <message>
        <source>Too many: this line needs only %1 more of %2 (the scan counts %3). Put the extra back.</source>
        <translation>Zu viele: diese Position braucht nur noch %1 von %2 (der Scan zählt %3). Den Rest zurücklegen.</translation>
    </message>
    <message>
        <source>%1 has serial numbers: scan each unit on its own.</source>
        <translation>%1 hat Seriennummern: jedes Stück einzeln scannen.</translation>
    </message>
    <message>
        <source>%1 needs its %2: scan the label that shows it, or type it.</source>
        <translation>%1 braucht die %2: das Etikett damit scannen oder eintippen.</translation>
    </message>
    <message>
        <source>Still missing: %1 of %2. Scan it or type it.</source>
        <translation>Fehlt noch: %1 von %2. Scannen oder eintippen.</translation>
    </message>
    <message>
        <source>Nothing is waiting for a lot, expiry or serial.</source>
        <translation>Nichts wartet auf Charge, Verfallsdatum oder Seriennummer.</translation>
    </message>
    <message>
        <source>%1 is not a date: type it as year-month-day, e.g. 2027-03-31.</source>
        <translation>%1 ist kein Datum: als Jahr-Monat-Tag eingeben, z. B. 2027-03-31.</translation>
    </message>
    <message>
        <source>Scan one unit of %1 first, then type the rest.</source>
        <translation>Erst ein Stück von %1 scannen, dann den Rest eintippen.</translation>
    </message>
    <message>
        <source>There is no quantity to enter now.</source>
        <translation>Jetzt ist keine Menge einzugeben.</translation>
    </message>
    <message>
        <source>Type a quantity of 1 or more.</source>
        <translation>Geben Sie eine Menge ab 1 ein.</translation>
    </message>
    <message>
        <source>Too many: this line needs only %1 more of %2.</source>
        <translation>Zu viele: diese Position braucht nur noch %1 von %2.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 picked</source>
        <translation>%1: %2 von %3 entnommen</translation>
    </message>
    <message>
        <source>%1: %2 of %3 picked, into tote %4</source>
        <translation>%1: %2 von %3 entnommen, in Behälter %4</translation>
    </message>
    <message>
        <source>There is no line to short now.</source>
        <translation>Jetzt gibt es keine Position für eine Fehlmenge.</translation>
    </message>
    <message>
        <source>Choose a reason: not found, damaged, insufficient or wrong item.</source>
        <translation>Grund wählen: nicht gefunden, beschädigt, zu wenig oder falscher Artikel.</translation>
    </message>
    <message>
        <source>Short: %1 of %2 missing (%3). A supervisor will check.</source>
        <translation>Fehlmenge: %1 von %2 fehlen (%3). Die Schichtleitung prüft das.</translation>
    </message>
    <message>
        <source>Part of this line is picked: finish it or short it.</source>
        <translation>Ein Teil dieser Position ist entnommen: abschließen oder Fehlmenge melden.</translation>
    </message>
    <message>
        <source>There is no line to skip now.</source>
        <translation>Jetzt gibt es keine Position zum Überspringen.</translation>
    </message>
    <message>
        <source>This is the last open line: pick it or short it.</source>
        <translation>Das ist die letzte offene Position: entnehmen oder Fehlmenge melden.</translation>
    </message>
    <message>
        <source>Skipped: %1 comes again at the end.</source>
        <translation>Übersprungen: %1 kommt am Ende wieder.</translation>
    </message>
    <message>
        <source>Put the items into tote %1 and scan the tote (this was %2).</source>
        <translation>Legen Sie die Artikel in Behälter %1 und scannen Sie ihn (gescannt wurde %2).</translation>
    </message>
    <message>
        <source>Wrong tote: scanned %1, order %2 goes into tote %3.</source>
        <translation>Falscher Behälter: %1 gescannt, Auftrag %2 kommt in Behälter %3.</translation>
    </message>
    <message>
        <source>In tote %1</source>
        <translation>In Behälter %1</translation>
    </message>
    <message>
        <source>Lines of %1 are picked: finish the batch (short what you cannot find).</source>
        <translation>Die Positionen von %1 sind entnommen: Pickauftrag abschließen (Fehlmenge für Nichtgefundenes melden).</translation>
    </message>
    <message>
        <source>Log in to pick</source>
        <translation>Zum Kommissionieren anmelden</translation>
    </message>
    <message>
        <source>No pick tasks for you: sync, or ask a supervisor</source>
        <translation>Keine Pickaufträge für Sie: synchronisieren oder die Schichtleitung fragen</translation>
    </message>
    <message>
        <source>Choose a pick task</source>
        <translation>Pickauftrag wählen</translation>
    </message>
    <message>
        <source>Scan an empty tote for order %1 (%2 of %3)</source>
        <translation>Leeren Behälter für Auftrag %1 scannen (%2 von %3)</translation>
    </message>
    <message>
        <source>Go to %1 and scan the location</source>
        <translation>Gehen Sie zu %1 und scannen Sie den Lagerplatz</translation>
    </message>
    <message>
        <source>Pick %1 × %2: scan the product</source>
        <translation>%1 × %2 entnehmen: Artikel scannen</translation>
    </message>
    <message>
        <source>Scan or type the %1 of %2</source>
        <translation>%1 von %2 scannen oder eintippen</translation>
    </message>
    <message>
        <source>Scan the next %1 (%2 of %3), or type the quantity</source>
        <translation>Nächstes %1 scannen (%2 von %3) oder Menge eintippen</translation>
    </message>
    <message>
        <source>Put it into tote %1 and scan the tote</source>
        <translation>In Behälter %1 legen und den Behälter scannen</translation>
    </message>
    <message>
        <source>Batch done: hand the totes to packing</source>
        <translation>Pickauftrag erledigt: Behälter zum Packplatz bringen</translation>
    </message>
</context>
<context>
    <name>dockhand::ReviewModel</name>
    <message>
        <source>Short %1 × %2</source>
        <translation>Fehlmenge %1 × %2</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>Aussortiert: %1</translation>
    </message>
    <message>
        <source>Server refused: %1 %2</source>
        <translation>Vom Server abgewiesen: %1 %2</translation>
    </message>
    <message>
        <source>Order %1 line %2</source>
        <translation>Auftrag %1 Position %2</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>tote %1</source>
        <translation>Behälter %1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>not enough in the bin</source>
        <translation>zu wenig im Fach</translation>
    </message>
    <message>
        <source>wrong item in the bin</source>
        <translation>falscher Artikel im Fach</translation>
    </message>
    <message>
        <source>packaging damaged</source>
        <translation>Verpackung beschädigt</translation>
    </message>
    <message>
        <source>At packing</source>
        <translation>Beim Packen</translation>
    </message>
    <message>
        <source>At picking</source>
        <translation>Beim Kommissionieren</translation>
    </message>
</context>
<context>
    <name>dockhand::ScanRecorder</name>
    <message>
        <source>Product %1</source>
        <translation>Artikel %1</translation>
    </message>
    <message>
        <source>, lot %1</source>
        <translation>, Charge %1</translation>
    </message>
    <message>
        <source>, expires %1</source>
        <translation>, verfällt %1</translation>
    </message>
    <message>
        <source>Shipping unit (SSCC) %1</source>
        <translation>Versandeinheit (SSCC) %1</translation>
    </message>
    <message>
        <source>Location %1</source>
        <translation>Lagerplatz %1</translation>
    </message>
    <message>
        <source>Tote %1</source>
        <translation>Behälter %1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>Operator badge %1</source>
        <translation>Ausweis %1</translation>
    </message>
    <message>
        <source>Scan recorded (not a known label type)</source>
        <translation>Scan gespeichert (keine bekannte Etikettenart)</translation>
    </message>
    <message>
        <source>Scan NOT saved: no scan queue. Scan it again later.</source>
        <translation>Scan NICHT gespeichert: keine Scan-Warteschlange. Später erneut scannen.</translation>
    </message>
    <message>
        <source>Scan NOT saved: %1. Scan it again when this is fixed.</source>
        <translation>Scan NICHT gespeichert: %1. Erneut scannen, wenn das behoben ist.</translation>
    </message>
</context>
<context>
    <name>dockhand::SyncMonitor</name>
    <message>
        <source>never</source>
        <translation>noch nie</translation>
    </message>
    <message>
        <source>just now (%1)</source>
        <translation>gerade eben (%1)</translation>
    </message>
    <message>
        <source>%1 s ago (%2)</source>
        <translation>vor %1 s (%2)</translation>
    </message>
    <message>
        <source>%1 min ago (%2)</source>
        <translation>vor %1 min (%2)</translation>
    </message>
</context>
<context>
    <name>dockhand::Workflow</name>
    <message>
        <source>Scan NOT saved: no scan queue. Scan it again later.</source>
        <translation>Scan NICHT gespeichert: keine Scan-Warteschlange. Später erneut scannen.</translation>
    </message>
</context>
</TS>
