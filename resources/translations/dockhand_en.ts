<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>HomePage</name>
    <message>
        <source>Latest scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scans yet on this device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeypadPanel</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the barcode on your badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your badge to start your shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner at hand? Type your badge number and your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type badge and PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge, e.g. OP-1001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Dockhand — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review exceptions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MenuPage</name>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk the pick list into totes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify orders into cartons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short picks and damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server, scans waiting, scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds, language, theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackLineDelegate</name>
    <message numerus="yes">
        <source>%n set aside as damaged</source>
        <translation>
            <numerusform>%n set aside as damaged</numerusform>
            <numerusform>%n set aside as damaged</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to go</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 × %3 cm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the tote label or the order&apos;s barcode to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carton %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) in this carton</source>
        <translation>
            <numerusform>%n unit in this carton</numerusform>
            <numerusform>%n units in this carton</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s) closed</source>
        <translation>
            <numerusform>%n carton closed</numerusform>
            <numerusform>%n cartons closed</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this carton, more follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split the order over several cartons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged item? Press and hold its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the carton on the scale or type its weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight in kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close carton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n carton(s) closed and handed to labeling.</source>
        <translation>
            <numerusform>%n carton closed and handed to labeling.</numerusform>
            <numerusform>%n cartons closed and handed to labeling.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set one item aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is wrong with %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaging damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No label? Type the order number&apos;s digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or scan the carton&apos;s label on the carton sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or scan %1 again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickLineCard</name>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message>
        <source>No pick tasks for you right now. New tasks arrive with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Walk (%n line(s))</source>
        <translation>
            <numerusform>Walk (%n line)</numerusform>
            <numerusform>Walk (%n lines)</numerusform>
        </translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many more?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n still to take</source>
        <translation>
            <numerusform>%n still to take</numerusform>
            <numerusform>%n still to take</numerusform>
        </translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry (2027-03-31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this kind on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exceptions on this device: no short picks, damage or refusals.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanBanner</name>
    <message>
        <source>Scan a barcode with the scanner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT SAVED — SCAN AGAIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanDelegate</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — scans are kept on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No serial port configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DISCONNECTED — check the cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep on every scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast (bright or dim floors)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortPickDialog</name>
    <message>
        <source>Short pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) missing at %1. Why?</source>
        <translation>
            <numerusform>%n item missing at %1. Why?</numerusform>
            <numerusform>%n items missing at %1. Why?</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found in the location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough in the location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item in the location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Connecting to server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — scans are kept on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing — all scans synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) not yet on the server</source>
        <translation>
            <numerusform>%n scan not yet on the server</numerusform>
            <numerusform>%n scans not yet on the server</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DISCONNECTED — check the cable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Batch done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take these totes to packing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done — next task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::AppCore</name>
    <message>
        <source>No serial scanner configured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::DeviceStatus</name>
    <message>
        <source>CANNOT SAVE SCANS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCANNER DISCONNECTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Nothing you scan is kept until this is fixed: call a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the scanner&apos;s cable or cradle. Scans resume when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Check the scanner&apos;s cable or cradle; scans resume when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::OperatorSession</name>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a badge. Open a workflow from the menu to scan it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first: scan your operator badge (this was %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1 is not known on this device. Ask a supervisor, or sync and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN for %1. Type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your badge first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the role &quot;%2&quot;, which cannot use this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your badge to log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose from the menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::PackWorkflow</name>
    <message>
        <source>Scan a tote or an order number first (this was %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order is in tote %1 on this device: sync, or scan the order number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is not on this device: sync and scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is open: finish it before opening another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the items of order %1 (this was %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The carton is being closed: tap Back to items to add more, or close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is packed: scan the next tote or order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is not on this device: sync and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is cancelled: do not pack it. Set the tote aside for the supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to pack in order %1: no picked units waiting (sync if it was just picked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT IN THIS ORDER: %1 (%2). Do not pack it: put it aside and tell the supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONE TOO MANY: all %1 of %2 are already verified. Do not pack it: put it back and tell the supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOO MANY: only %1 more of %2 belong in this order (the scan counts %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the items for this carton first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the items first, then choose a carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carton type %1 is not configured: choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carton before weighing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kg is not a carton weight: weigh it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weigh the carton first (scale or keypad).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carton and weigh it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no carton being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an order and go to its items to flag damage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 has no line %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reason: damaged, packaging or wrong item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unit of %1 is left to set aside: every one is packed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 set aside as %2: put it in the damage bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a tote or an order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan each item of order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kg: close the carton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the carton on the scale, or type its weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 packed: scan the next tote or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could be %2: type the whole order number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Order %1: %n unit(s) to pack</source>
        <translation>
            <numerusform>Order %1: %n unit to pack</numerusform>
            <numerusform>Order %1: %n units to pack</numerusform>
        </translation>
    </message>
    <message>
        <source>Weigh the carton first (scale or keypad), then scan %1 again to close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Carton %1 closed: %n unit(s), %2 kg</source>
        <translation>
            <numerusform>Carton %1 closed: %n unit, %2 kg</numerusform>
            <numerusform>Carton %1 closed: %n units, %2 kg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n verified unit(s) not in a closed carton: close the carton first.</source>
        <translation>
            <numerusform>%n verified unit is not in a closed carton: close the carton first.</numerusform>
            <numerusform>%n verified units are not in a closed carton: close the carton first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Choose a carton for %n unit(s)</source>
        <translation>
            <numerusform>Choose a carton for %n unit</numerusform>
            <numerusform>Choose a carton for %n units</numerusform>
        </translation>
    </message>
    <message>
        <source>Carton %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::PickWorkflow</name>
    <message>
        <source>Finish batch %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 is not available on this device: sync and choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a pick task first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch %1 is done: hand the totes to packing and tap Finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the location label %1 first (this was %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan an empty tote label for order %1 (this was %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote %1 already holds order %2: take another empty tote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote %1 still holds order %2: take another empty tote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 goes into tote %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong location: scanned %1, go to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location %1: pick %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line not complete: pick %1 more of %2 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the product %1 (%2); this was %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item: scanned %1 (%2), this line wants %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: lot %1 expired on %2. Put it back and take another unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no lot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many: this line needs only %1 more of %2 (the scan counts %3). Put the extra back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has serial numbers: scan each unit on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs its %2: scan the label that shows it, or type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing: %1 of %2. Scan it or type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting for a lot, expiry or serial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a date: type it as year-month-day, e.g. 2027-03-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan one unit of %1 first, then type the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no quantity to enter now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a quantity of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many: this line needs only %1 more of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 picked, into tote %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no line to short now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a reason: not found, damaged, insufficient or wrong item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short: %1 of %2 missing (%3). A supervisor will check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of this line is picked: finish it or short it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no line to skip now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last open line: pick it or short it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1 comes again at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the items into tote %1 and scan the tote (this was %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong tote: scanned %1, order %2 goes into tote %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In tote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines of %1 are picked: finish the batch (short what you cannot find).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pick tasks for you: sync, or ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a pick task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan an empty tote for order %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1 and scan the location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick %1 × %2: scan the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the next %1 (%2 of %3), or type the quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put it into tote %1 and scan the tote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch done: hand the totes to packing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::ReviewModel</name>
    <message>
        <source>Short %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server refused: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough in the bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong item in the bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packaging damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At picking</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::ScanRecorder</name>
    <message>
        <source>Product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, lot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping unit (SSCC) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator badge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan recorded (not a known label type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan NOT saved: no scan queue. Scan it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan NOT saved: %1. Scan it again when this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::SyncMonitor</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dockhand::Workflow</name>
    <message>
        <source>Scan NOT saved: no scan queue. Scan it again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
