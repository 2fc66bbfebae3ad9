<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/library_panel.py" line="+175"/>
        <source>%n question(s) out of %1</source>
        <translation>
            <numerusform>%n question out of %1</numerusform>
            <numerusform>%n questions out of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
</TS>
