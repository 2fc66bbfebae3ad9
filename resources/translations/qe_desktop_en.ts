<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AllAnnotationsDialog</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/annotations/library_view.py" line="+250"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysesView</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/analyses/analyses_view.py" line="+236"/>
        <location line="+89"/>
        <source>%Ln question(s)</source>
        <translation>
            <numerusform>%Ln question</numerusform>
            <numerusform>%Ln questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-88"/>
        <source>%Ln answered</source>
        <translation>
            <numerusform>%Ln answered</numerusform>
            <numerusform>%Ln answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%1 — %2: %Ln question(s)</source>
        <translation>
            <numerusform>%1 — %2: %Ln question</numerusform>
            <numerusform>%1 — %2: %Ln questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Near-identical texts: %Ln question(s)</source>
        <translation>
            <numerusform>Near-identical texts: %Ln question</numerusform>
            <numerusform>Near-identical texts: %Ln questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationsUi</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/annotations/window_setup.py" line="+258"/>
        <source>%n annotation(s) exported to %1</source>
        <translation>
            <numerusform>%n annotation exported to %1</numerusform>
            <numerusform>%n annotations exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommitmentsView</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/commitments/view.py" line="+226"/>
        <source>%n commitment(s), %1 overdue</source>
        <translation>
            <numerusform>%n commitment, %1 overdue</numerusform>
            <numerusform>%n commitments, %1 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+180"/>
        <source>%n commitment(s) written to %1</source>
        <translation>
            <numerusform>%n commitment written to %1</numerusform>
            <numerusform>%n commitments written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/library_panel.py" line="+254"/>
        <source>%Ln question(s) out of %1</source>
        <translation>
            <numerusform>%Ln question out of %1</numerusform>
            <numerusform>%Ln questions out of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>more than %Ln question(s) out of %1</source>
        <translation>
            <numerusform>more than %Ln question out of %1</numerusform>
            <numerusform>more than %Ln questions out of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln question(s)</source>
        <translation>
            <numerusform>%Ln question</numerusform>
            <numerusform>%Ln questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/annotations/side_panel.py" line="+306"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n highlight(s)</source>
        <translation>
            <numerusform>%1 of %n highlight</numerusform>
            <numerusform>%1 of %n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/analyses/duplicates_panel.py" line="+218"/>
        <source>Identical (or near-identical) answer to %Ln other question(s)</source>
        <translation>
            <numerusform>Identical (or near-identical) answer to %Ln other question</numerusform>
            <numerusform>Identical (or near-identical) answer to %Ln other questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Same question (or nearly) as %Ln other question(s)</source>
        <translation>
            <numerusform>Same question (or nearly) as %Ln other question</numerusform>
            <numerusform>Same question (or nearly) as %Ln other questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/commitments/suggestions.py" line="+73"/>
        <source>%n suggested commitment(s) in the answer (dashed): right-click to accept or dismiss.</source>
        <translation>
            <numerusform>%n suggested commitment in the answer (dashed): right-click to accept or dismiss.</numerusform>
            <numerusform>%n suggested commitments in the answer (dashed): right-click to accept or dismiss.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VeillePanel</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/veille/panel.py" line="+210"/>
        <source>%n unseen</source>
        <translation>
            <numerusform>%n unseen</numerusform>
            <numerusform>%n unseen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VeilleUi</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/veille/window_setup.py" line="+240"/>
        <source>%Ln new answer(s)</source>
        <translation>
            <numerusform>%Ln new answer</numerusform>
            <numerusform>%Ln new answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln new question(s)</source>
        <translation>
            <numerusform>%Ln new question</numerusform>
            <numerusform>%Ln new questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n deadline(s) or commitment(s)</source>
        <translation>
            <numerusform>%n deadline or commitment</numerusform>
            <numerusform>%n deadlines or commitments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VersionsBar</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/reader/versions.py" line="+133"/>
        <source>%n other version(s)</source>
        <translation>
            <numerusform>%n other version</numerusform>
            <numerusform>%n other versions</numerusform>
        </translation>
    </message>
</context>
</TS>
