<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/HomePage.qml" line="57" />
        <source>Latest scans</source>
        <translation>Letzte Scans</translation>
    </message>
    <message>
        <location filename="../../ui/HomePage.qml" line="75" />
        <source>No scans yet on this device.</source>
        <translation>Noch keine Scans auf diesem Gerät.</translation>
    </message>
</context>
<context>
    <name>KeypadPanel</name>
    <message>
        <location filename="../../ui/KeypadPanel.qml" line="16" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/KeypadPanel.qml" line="88" />
        <source>Delete last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <location filename="../../ui/KeypadPanel.qml" line="113" />
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../../ui/KeypadPanel.qml" line="115" />
        <source>Decimal point</source>
        <translation>Komma</translation>
    </message>
    <message>
        <location filename="../../ui/KeypadPanel.qml" line="115" />
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/LoginPage.qml" line="14" />
        <location filename="../../ui/LoginPage.qml" line="96" />
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="36" />
        <source>Scan the barcode on your badge.</source>
        <translation>Scannen Sie den Barcode auf Ihrem Ausweis.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="42" />
        <source>Scan your badge to start your shift</source>
        <translation>Ausweis scannen, um die Schicht zu beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="51" />
        <source>No scanner at hand? Type your badge number and your PIN.</source>
        <translation>Kein Scanner zur Hand? Ausweisnummer und PIN eintippen.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="60" />
        <source>Type badge and PIN</source>
        <translation>Ausweis und PIN eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="71" />
        <source>Badge, e.g. OP-1001</source>
        <translation>Ausweis, z. B. OP-1001</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="78" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="93" />
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.qml" line="93" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/Main.qml" line="13" />
        <source>Dockhand — %1</source>
        <translation>Dockhand — %1</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="108" />
        <location filename="../../ui/Main.qml" line="193" />
        <source>Sync status</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="125" />
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="125" />
        <location filename="../../ui/Main.qml" line="190" />
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="161" />
        <source>No operator</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="191" />
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="192" />
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="194" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/Main.qml" line="214" />
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>MenuPage</name>
    <message>
        <location filename="../../ui/MenuPage.qml" line="14" />
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="19" />
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="20" />
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="21" />
        <source>Review exceptions</source>
        <translation>Ausnahmen prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="22" />
        <source>Sync status</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="23" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="29" />
        <source>Walk the pick list into totes</source>
        <translation>Pickliste in Behälter abarbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="30" />
        <source>Verify orders into cartons</source>
        <translation>Aufträge prüfen und verpacken</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="31" />
        <source>Short picks and damage</source>
        <translation>Fehlmengen und Schäden</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="32" />
        <source>Server, scans waiting, scanner</source>
        <translation>Server, wartende Scans, Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="33" />
        <source>Sounds, language, theme</source>
        <translation>Töne, Sprache, Darstellung</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="46" />
        <source>Hello, %1</source>
        <translation>Hallo, %1</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="54" />
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MenuPage.qml" line="82" />
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>PackLineDelegate</name>
    <message numerus="yes">
        <location filename="../../ui/PackLineDelegate.qml" line="63" />
        <source>%n set aside as damaged</source>
        <translation><numerusform>%n beschädigt aussortiert</numerusform><numerusform>%n beschädigt aussortiert</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/PackLineDelegate.qml" line="81" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/PackLineDelegate.qml" line="90" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../ui/PackLineDelegate.qml" line="90" />
        <source>%1 to go</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <location filename="../../ui/PackPage.qml" line="16" />
        <source>Pack</source>
        <translation>Packen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="22" />
        <source>%1 × %2 × %3 cm</source>
        <translation>%1 × %2 × %3 cm</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="75" />
        <source>tote %1</source>
        <translation>Behälter %1</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="105" />
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="113" />
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="151" />
        <source>Scan the tote label or the order's barcode to start.</source>
        <translation>Zum Start das Behälteretikett oder den Auftragsbarcode scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="180" />
        <source>Order number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="181" />
        <source>Order packed</source>
        <translation>Auftrag verpackt</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="182" />
        <source>Carton %1</source>
        <translation>Karton %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PackPage.qml" line="190" />
        <source>%n unit(s) in this carton</source>
        <translation><numerusform>%n Stück in diesem Karton</numerusform><numerusform>%n Stück in diesem Karton</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PackPage.qml" line="191" />
        <source>%n carton(s) closed</source>
        <translation><numerusform>%n Karton geschlossen</numerusform><numerusform>%n Kartons geschlossen</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="203" />
        <source>No label? Type the order's digits (SO-…)</source>
        <translation>Kein Etikett? Ziffern der Auftragsnummer eintippen (SO-…)</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="206" />
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="219" />
        <source>Close this carton, more follow</source>
        <translation>Karton schließen, weitere folgen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="220" />
        <source>Split the order over several cartons</source>
        <translation>Auftrag auf mehrere Kartons verteilen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="228" />
        <source>Damaged item? Press and hold its line.</source>
        <translation>Artikel beschädigt? Zeile lange drücken.</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="249" />
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="250" />
        <source>Put the carton on the scale or type its weight</source>
        <translation>Karton auf die Waage stellen oder Gewicht eintippen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="261" />
        <source>Weight in kg</source>
        <translation>Gewicht in kg</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="265" />
        <source>Set</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="277" />
        <source>Close carton</source>
        <translation>Karton schließen</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="285" />
        <source>Back to items</source>
        <translation>Zurück zu den Artikeln</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PackPage.qml" line="294" />
        <source>%n carton(s) closed and handed to labeling.</source>
        <translation><numerusform>%n Karton geschlossen und an die Etikettierung übergeben.</numerusform><numerusform>%n Kartons geschlossen und an die Etikettierung übergeben.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="305" />
        <source>Next order</source>
        <translation>Nächster Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="321" />
        <source>Set one item aside</source>
        <translation>Einen Artikel aussortieren</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="328" />
        <source>What is wrong with %1?</source>
        <translation>Was stimmt nicht mit %1?</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="334" />
        <source>Item damaged</source>
        <translation>Artikel beschädigt</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="335" />
        <source>Packaging damaged</source>
        <translation>Verpackung beschädigt</translation>
    </message>
    <message>
        <location filename="../../ui/PackPage.qml" line="336" />
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
</context>
<context>
    <name>PickLineCard</name>
    <message>
        <location filename="../../ui/PickLineCard.qml" line="72" />
        <source>Location</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <location filename="../../ui/PickLineCard.qml" line="79" />
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../ui/PickLineCard.qml" line="89" />
        <source>GTIN %1</source>
        <translation>GTIN %1</translation>
    </message>
    <message>
        <location filename="../../ui/PickLineCard.qml" line="101" />
        <source>Take</source>
        <translation>Entnehmen</translation>
    </message>
    <message>
        <location filename="../../ui/PickLineCard.qml" line="102" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../ui/PickLineCard.qml" line="109" />
        <source>Tote</source>
        <translation>Behälter</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../../ui/PickPage.qml" line="17" />
        <source>Pick</source>
        <translation>Kommissionieren</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="38" />
        <source>Choose a pick task</source>
        <translation>Pickauftrag wählen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PickPage.qml" line="80" />
        <source>%n order(s)</source>
        <translation><numerusform>%n Auftrag</numerusform><numerusform>%n Aufträge</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PickPage.qml" line="80" />
        <source>%n line(s)</source>
        <translation><numerusform>%n Position</numerusform><numerusform>%n Positionen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PickPage.qml" line="81" />
        <source>%n unit(s)</source>
        <translation><numerusform>%n Stück</numerusform><numerusform>%n Stück</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="101" />
        <source>No pick tasks for you right now. New tasks arrive with the next sync.</source>
        <translation>Zurzeit keine Pickaufträge für Sie. Neue Aufträge kommen mit der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="110" />
        <source>Refresh tasks</source>
        <translation>Aufträge aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="125" />
        <source>Scan a tote for order</source>
        <translation>Behälter scannen für Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="172" />
        <source>Still needed: %1</source>
        <translation>Noch benötigt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="186" />
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="195" />
        <location filename="../../ui/PickPage.qml" line="264" />
        <source>Short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="204" />
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PickPage.qml" line="226" />
        <source>Walk (%n line(s))</source>
        <translation><numerusform>Laufweg (%n Position)</numerusform><numerusform>Laufweg (%n Positionen)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="263" />
        <source>Picked</source>
        <translation>Entnommen</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="265" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/PickPage.qml" line="328" />
        <source>How many more?</source>
        <translation>Wie viele noch?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/PickPage.qml" line="334" />
        <source>%n still to take</source>
        <translation><numerusform>noch %n zu entnehmen</numerusform><numerusform>noch %n zu entnehmen</numerusform></translation>
    </message>
</context>
<context>
    <name>ScanBanner</name>
    <message>
        <location filename="../../ui/ScanBanner.qml" line="16" />
        <source>Scan a barcode with the scanner.</source>
        <translation>Scannen Sie einen Barcode mit dem Scanner.</translation>
    </message>
    <message>
        <location filename="../../ui/ScanBanner.qml" line="21" />
        <source>ACCEPTED</source>
        <translation>ANGENOMMEN</translation>
    </message>
    <message>
        <location filename="../../ui/ScanBanner.qml" line="22" />
        <source>REFUSED</source>
        <translation>ABGELEHNT</translation>
    </message>
    <message>
        <location filename="../../ui/ScanBanner.qml" line="23" />
        <source>NOT SAVED — SCAN AGAIN</source>
        <translation>NICHT GESPEICHERT — NOCHMAL SCANNEN</translation>
    </message>
    <message>
        <location filename="../../ui/ScanBanner.qml" line="24" />
        <source>Ready to scan</source>
        <translation>Bereit zum Scannen</translation>
    </message>
</context>
<context>
    <name>ScanDelegate</name>
    <message>
        <location filename="../../ui/ScanDelegate.qml" line="58" />
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location filename="../../ui/ScanDelegate.qml" line="58" />
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/ScanDelegate.qml" line="62" />
        <source>Synced</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <location filename="../../ui/ScanDelegate.qml" line="63" />
        <source>Server refused</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/ScanDelegate.qml" line="63" />
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../../ui/ScanDelegate.qml" line="73" />
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="10" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="41" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="48" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="48" />
        <source>Offline — scans are kept on this device</source>
        <translation>Offline — Scans bleiben auf diesem Gerät gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="52" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="54" />
        <source>No serial port configured</source>
        <translation>Kein serieller Anschluss eingestellt</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="58" />
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="59" />
        <source>none configured</source>
        <translation>keiner eingestellt</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="60" />
        <source>DISCONNECTED — check the cable</source>
        <translation>GETRENNT — Kabel prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="64" />
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="68" />
        <source>Beep on every scan</source>
        <translation>Signalton bei jedem Scan</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="76" />
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="92" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="98" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="101" />
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="116" />
        <source>Theme</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsPage.qml" line="120" />
        <source>High contrast (bright or dim floors)</source>
        <translation>Hoher Kontrast (für helle oder dunkle Hallen)</translation>
    </message>
</context>
<context>
    <name>ShortPickDialog</name>
    <message>
        <location filename="../../ui/ShortPickDialog.qml" line="15" />
        <source>Short pick</source>
        <translation>Fehlmenge melden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ShortPickDialog.qml" line="25" />
        <source>%n item(s) missing at %1. Why?</source>
        <translation><numerusform>%n Stück fehlt an %1. Warum?</numerusform><numerusform>%n Stück fehlen an %1. Warum?</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/ShortPickDialog.qml" line="31" />
        <source>Not found in the location</source>
        <translation>Nicht am Lagerplatz gefunden</translation>
    </message>
    <message>
        <location filename="../../ui/ShortPickDialog.qml" line="32" />
        <source>Not enough in the location</source>
        <translation>Nicht genug am Lagerplatz</translation>
    </message>
    <message>
        <location filename="../../ui/ShortPickDialog.qml" line="33" />
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location filename="../../ui/ShortPickDialog.qml" line="34" />
        <source>Wrong item in the location</source>
        <translation>Falscher Artikel am Lagerplatz</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="33" />
        <source>Connecting to server…</source>
        <translation>Verbinde mit dem Server…</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="34" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="34" />
        <source>Offline — scans are kept on this device</source>
        <translation>Offline — Scans bleiben auf diesem Gerät gespeichert</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="41" />
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="47" />
        <source>nothing — all scans synced</source>
        <translation>nichts — alle Scans übertragen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/StatusPanel.qml" line="48" />
        <source>%n scan(s) not yet on the server</source>
        <translation><numerusform>%n Scan noch nicht auf dem Server</numerusform><numerusform>%n Scans noch nicht auf dem Server</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="56" />
        <source>Last sync</source>
        <translation>Letzte Übertragung</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="68" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="74" />
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="75" />
        <source>none configured</source>
        <translation>keiner eingestellt</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="76" />
        <source>DISCONNECTED — check the cable</source>
        <translation>GETRENNT — Kabel prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/StatusPanel.qml" line="87" />
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="18" />
        <source>Batch done</source>
        <translation>Auftrag erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="24" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="71" />
        <source>Batch complete</source>
        <translation>Pickauftrag abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="84" />
        <source>Lines picked</source>
        <translation>Positionen entnommen</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="90" />
        <source>Lines short</source>
        <translation>Positionen mit Fehlmenge</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="96" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="102" />
        <source>Take these totes to packing:</source>
        <translation>Bringen Sie diese Behälter zum Packplatz:</translation>
    </message>
    <message>
        <location filename="../../ui/SummaryPage.qml" line="149" />
        <source>Done — next task</source>
        <translation>Fertig — nächster Auftrag</translation>
    </message>
</context>
</TS>