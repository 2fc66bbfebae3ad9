<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../qe_desktop/ui/accessibility.py" line="+83"/>
        <source>Search the library</source>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words, a phrase in quotes, or a question number</source>
        <translation>Des mots, une expression entre guillemets ou un numéro de question</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Questions of the library</source>
        <translation>Questions de la bibliothèque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter opens the selected question; F6 goes to its text</source>
        <translation>Entrée ouvre la question choisie ; F6 passe à son texte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chamber filter</source>
        <translation>Filtre par assemblée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legislature filter</source>
        <translation>Filtre par législature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry filter</source>
        <translation>Filtre par ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group filter</source>
        <translation>Filtre par groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author filter</source>
        <translation>Filtre par auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Highlight category filter</source>
        <translation>Filtre par catégorie de surlignage</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Tag filter</source>
        <translation>Filtre par étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published from</source>
        <translation>Publiée à partir du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published until</source>
        <translation>Publiée jusqu&apos;au</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note on the question</source>
        <translation>Note sur la question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the highlights</source>
        <translation>Filtrer les surlignages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight tag filter</source>
        <translation>Filtre des surlignages par étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlight state filter</source>
        <translation>Filtre des surlignages par état</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlights of the question</source>
        <translation>Surlignages de la question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category of the highlight</source>
        <translation>Catégorie du surlignage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of the highlight</source>
        <translation>Étiquettes du surlignage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note on the highlight (Markdown)</source>
        <translation>Note sur le surlignage (Markdown)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview of the note</source>
        <translation>Aperçu de la note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write or preview the note</source>
        <translation>Écrire ou prévisualiser la note</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commitment ministry filter</source>
        <translation>Filtre des engagements par ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commitment status filter</source>
        <translation>Filtre des engagements par statut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Side panels</source>
        <translation>Panneaux latéraux</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Question No. %1</source>
        <translation>Question n° %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer No. %1</source>
        <translation>Réponse n° %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question of %1</source>
        <translation>Question du %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to the question of %1</source>
        <translation>Réponse à la question du %1</translation>
    </message>
</context>
<context>
    <name>AllAnnotations</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/library_view.py" line="+50"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modified</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>AllAnnotationsDialog</name>
    <message>
        <location line="+107"/>
        <source>All annotations</source>
        <translation>Toutes les annotations</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search quotes, notes and tags</source>
        <translation>Rechercher dans les citations, notes et étiquettes</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All authors</source>
        <translation>Tous les auteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysesCharts</name>
    <message>
        <location filename="../../qe_desktop/ui/analyses/charts.py" line="+62"/>
        <source>Within the deadline</source>
        <translation>Dans le délai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late, under 6 months</source>
        <translation>En retard de moins de 6 mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late, 6 to 12 months</source>
        <translation>En retard de 6 à 12 mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late, over a year</source>
        <translation>En retard de plus d&apos;un an</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no ministry)</source>
        <translation>(sans ministère)</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Answer delays by ministry</source>
        <translation>Délais de réponse par ministère</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>answered questions</source>
        <translation>questions répondues</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (median %2 d, %3 on time)</source>
        <translation>%1 (médiane %2 j, %3 dans le délai)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>median %1 d, %2 on time</source>
        <translation>médiane %1 j, %2 dans le délai</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Questions per year</source>
        <translation>Questions par an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Questions per month</source>
        <translation>Questions par mois</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answered</source>
        <translation>Répondues</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not answered</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>questions</source>
        <translation>questions</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue questions by ministry</source>
        <translation>Questions en retard par ministère</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>overdue questions</source>
        <translation>questions en retard</translation>
    </message>
</context>
<context>
    <name>AnalysesScope</name>
    <message>
        <location filename="../../qe_desktop/ui/analyses/scope.py" line="+36"/>
        <source>search « %1 »</source>
        <translation>recherche « %1 »</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>published %1 – %2</source>
        <translation>publiées du %1 au %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with notes</source>
        <translation>avec notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>highlight « %1 »</source>
        <translation>surlignage « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 chosen questions</source>
        <translation>%1 questions choisies</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>other filters</source>
        <translation>autres filtres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No. %1</source>
        <translation>N° %1</translation>
    </message>
</context>
<context>
    <name>AnalysesTools</name>
    <message>
        <location filename="../../qe_desktop/ui/analyses/tools.py" line="+35"/>
        <source>&amp;Analyses</source>
        <translation>&amp;Analyses</translation>
    </message>
</context>
<context>
    <name>AnalysesView</name>
    <message>
        <location filename="../../qe_desktop/ui/analyses/analyses_view.py" line="+61"/>
        <source>Analyses</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show questions without a ministry</source>
        <translation>Montrer les questions sans ministère</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Near-identical answers</source>
        <translation>Réponses quasi identiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Near-identical questions</source>
        <translation>Questions quasi identiques</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delays</source>
        <translation>Délais</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <source>Per month</source>
        <translation>Par mois</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy-paste</source>
        <translation>Copier-coller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analyses charts</source>
        <translation>Graphiques des analyses</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+129"/>
        <source>Click a bar to list its questions.</source>
        <translation>Cliquez sur une barre pour en lister les questions.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Answers (or questions) whose texts are nearly the same: a ministry answering several questions with one copy-pasted text. Each line is one group; click it to list its questions.</source>
        <translation>Réponses (ou questions) dont les textes sont presque identiques : un ministère qui répond à plusieurs questions par un même texte copié-collé. Chaque ligne est un groupe ; cliquez-la pour en lister les questions.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Double-click a question to open it in the reader.</source>
        <translation>Double-cliquez sur une question pour l&apos;ouvrir dans le lecteur.</translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
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
            <numerusform>%Ln répondue</numerusform>
            <numerusform>%Ln répondues</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>answered</source>
        <translation>répondues</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln groupe</numerusform>
            <numerusform>%Ln groupes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Near-identical texts: %Ln question(s)</source>
        <translation>
            <numerusform>Textes quasi identiques : %Ln question</numerusform>
            <numerusform>Textes quasi identiques : %Ln questions</numerusform>
        </translation>
    </message>
    <message>
        <location line="-54"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Looking for near-identical texts…</source>
        <translation>Recherche des textes quasi identiques…</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Whole library.</source>
        <translation>Toute la bibliothèque.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filtered like the library list: %1.</source>
        <translation>Filtré comme la liste : %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Like the library list</source>
        <translation>Comme la liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Per year</source>
        <translation>Par an</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>median delay %1 days</source>
        <translation>délai médian %1 jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 within the deadline</source>
        <translation>%1 dans les délais</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%1 — %2: %Ln question(s)</source>
        <translation>
            <numerusform>%1 — %2 : %Ln question</numerusform>
            <numerusform>%1 — %2 : %Ln questions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No near-identical texts among these questions: no copy-paste found.</source>
        <translation>Aucun texte presque identique parmi ces questions : pas de copier-coller trouvé.</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/controller.py" line="+149"/>
        <source>Select a passage of the question or the answer first.</source>
        <translation>Sélectionnez d&apos;abord un passage de la question ou de la réponse.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not highlighted: %1</source>
        <translation>Non surligné : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+186"/>
        <source>Highlight as %1</source>
        <translation>Surligner comme « %1 »</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Commitment due: %1</source>
        <translation>Engagement, échéance : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change category to %1</source>
        <translation>Passer en catégorie « %1 »</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+57"/>
        <source>Their version was kept.</source>
        <translation>L&apos;autre version a été conservée.</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Delete highlight</source>
        <translation>Supprimer le surlignage</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>answer</source>
        <translation>réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the new passage in the %1 first.</source>
        <translation>Sélectionnez d&apos;abord le nouveau passage dans la %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Changed in question %1</source>
        <translation>Modifié dans la question %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This highlight has no place in the current text.</source>
        <translation>Ce surlignage n&apos;a plus de place dans le texte actuel.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Reattach «%1» here</source>
        <translation>Rattacher « %1 » ici</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit the note…</source>
        <translation>Modifier la note…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change category</source>
        <translation>Changer de catégorie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set the due date…</source>
        <translation>Fixer l&apos;échéance…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the highlight</source>
        <translation>Supprimer le surlignage</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/panel_model.py" line="+73"/>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orphan</source>
        <translation>Orpheline</translation>
    </message>
    <message>
        <location filename="../../qe_desktop/ui/annotations/rendering.py" line="+73"/>
        <source>To check: the text changed.</source>
        <translation>À vérifier : le texte a changé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before:</source>
        <translation>Avant :</translation>
    </message>
</context>
<context>
    <name>AnnotationsUi</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/window_setup.py" line="+62"/>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Highlight</source>
        <translation>Surligner</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the &amp;note…</source>
        <translation>Modifier la &amp;note…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete the highlight</source>
        <translation>&amp;Supprimer le surlignage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highlight &amp;categories…</source>
        <translation>&amp;Catégories de surlignage…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;All annotations</source>
        <translation>&amp;Toutes les annotations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export annotations…</source>
        <translation>E&amp;xporter les annotations…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a&amp;nnotations…</source>
        <translation>I&amp;mporter des annotations…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Highlight as</source>
        <translation>Sur&amp;ligner comme</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Highlight as %1</source>
        <translation>Surligner comme « %1 »</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+8"/>
        <source>Choose a highlight first.</source>
        <translation>Choisissez d&apos;abord un surlignage.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+17"/>
        <source>Export annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n annotation(s) exported to %1</source>
        <translation>
            <numerusform>%n annotation exportée vers %1</numerusform>
            <numerusform>%n annotations exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+13"/>
        <location line="+12"/>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../qe_desktop/ui/daily_care.py" line="+50"/>
        <location filename="../../qe_desktop/ui/startup.py" line="+157"/>
        <source>Cannot open the library</source>
        <translation>Impossible d&apos;ouvrir la bibliothèque</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No daily backup today: %1</source>
        <translation>Pas de sauvegarde quotidienne aujourd&apos;hui : %1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/backups_dialog.py" line="+38"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>daily</source>
        <translation>quotidienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an import</source>
        <translation>avant un import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an update of the application</source>
        <translation>avant une mise à jour de l&apos;application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The library will be replaced by the backup you choose. Its current state is saved first, so this can be undone by restoring that copy.</source>
        <translation>La bibliothèque sera remplacée par la sauvegarde choisie. Son état actuel est d&apos;abord sauvegardé : vous pourrez revenir en arrière en restaurant cette copie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>BackupsUi</name>
    <message>
        <location line="+32"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A team library is backed up on its server (pg_dump).</source>
        <translation>Une bibliothèque d&apos;équipe se sauvegarde sur son serveur (pg_dump).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup restored; the previous state is kept in %1</source>
        <translation>Sauvegarde restaurée ; l&apos;état précédent est conservé dans %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/categories_dialog.py" line="+26"/>
        <source>Highlight categories</source>
        <translation>Catégories de surlignage</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
</context>
<context>
    <name>CommitmentLabels</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/labels.py" line="+22"/>
        <source>to check</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept</source>
        <translation>tenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept late</source>
        <translation>tenu en retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly kept</source>
        <translation>partiellement tenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>broken</source>
        <translation>rompu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abandoned</source>
        <translation>abandonné</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quarter</source>
        <translation>trimestre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>half-year</source>
        <translation>semestre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>season</source>
        <translation>saison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vague</source>
        <translation>vague</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>winter %1</source>
        <translation>hiver %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spring %1</source>
        <translation>printemps %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>summer %1</source>
        <translation>été %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>autumn %1</source>
        <translation>automne %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>H%1 %2</source>
        <translation>S%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>around %1</source>
        <translation>vers %1</translation>
    </message>
</context>
<context>
    <name>CommitmentTableModel</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/table_model.py" line="+41"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next check</source>
        <translation>Prochaine vérification</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Precision: %1</source>
        <translation>Précision : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 days past the due date</source>
        <translation>%1 jours après l&apos;échéance</translation>
    </message>
</context>
<context>
    <name>CommitmentsUi</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/window_setup.py" line="+36"/>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Commitments</source>
        <translation>&amp;Engagements</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Accept a suggested commitment</source>
        <translation>Accepter un engagement suggéré</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This commitment has no place in the current text.</source>
        <translation>Cet engagement n&apos;a plus de place dans le texte actuel.</translation>
    </message>
</context>
<context>
    <name>CommitmentsView</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/view.py" line="+81"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due this month</source>
        <translation>Échéance ce mois-ci</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Change the status…</source>
        <translation>Changer le statut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the due date…</source>
        <translation>Modifier l&apos;échéance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up question…</source>
        <translation>Question de relance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the calendar (.ics)…</source>
        <translation>Exporter le calendrier (.ics)…</translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source>%n commitment(s), %1 overdue</source>
        <translation>
            <numerusform>%n engagement, %1 en retard</numerusform>
            <numerusform>%n engagements, %1 en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+180"/>
        <source>%n commitment(s) written to %1</source>
        <translation>
            <numerusform>%n engagement écrit dans %1</numerusform>
            <numerusform>%n engagements écrits dans %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="-171"/>
        <source>All ministries</source>
        <translation>Tous les ministères</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Choose a commitment first.</source>
        <translation>Choisissez d&apos;abord un engagement.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Not saved: %1. What you typed is kept: try again.</source>
        <translation>Non enregistré : %1. Votre saisie est gardée : réessayez.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Someone else changed this commitment meanwhile; your text is kept below.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié cet engagement entre-temps ; votre saisie est gardée ci-dessous.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Their version: %1 by %2</source>
        <translation>Son changement : %1 par %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+15"/>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/conflict_dialog.py" line="+32"/>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else saved this item while you were editing it. Choose the version to keep; the other one is discarded.</source>
        <translation>Quelqu&apos;un d&apos;autre a enregistré cet élément pendant que vous le modifiiez. Choisissez la version à conserver ; l&apos;autre sera abandonnée.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your version</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Their version</source>
        <translation>L&apos;autre version</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Prendre l&apos;autre</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(deleted)</source>
        <translation>(supprimé)</translation>
    </message>
</context>
<context>
    <name>CoverageController</name>
    <message>
        <location filename="../../qe_desktop/ui/coverage/controller.py" line="+78"/>
        <source>no answer to compare with yet</source>
        <translation>pas encore de réponse à comparer</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>coverage unavailable: %1</source>
        <translation>couverture indisponible : %1</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>No passage of the answer treats this demand.</source>
        <translation>Aucun passage de la réponse ne traite cette demande.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Demand left without answer</source>
        <translation>Demande restée sans réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as an Élusion</source>
        <translation>Marquer comme élusion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss the suggestion</source>
        <translation>Écarter la suggestion</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Élusion recorded in the question.</source>
        <translation>Élusion relevée dans la question.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Suggestion dismissed: it will not be offered again.</source>
        <translation>Suggestion écartée : elle ne sera plus proposée.</translation>
    </message>
</context>
<context>
    <name>CoverageStrip</name>
    <message>
        <location filename="../../qe_desktop/ui/coverage/strip.py" line="+44"/>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>analysing the answer…</source>
        <translation>analyse de la réponse…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no request found in the question</source>
        <translation>aucune demande repérée dans la question</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 demands addressed</source>
        <translation>%1 sur %2 demandes traitées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(%1 partly)</source>
        <translation>(dont %1 partiellement)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>answered</source>
        <translation>répondue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly answered</source>
        <translation>partiellement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Suggested Élusion: click the arrow to accept or dismiss.</source>
        <translation>Élusion suggérée : cliquez sur la flèche pour l&apos;accepter ou l&apos;écarter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark as an Élusion</source>
        <translation>Marquer comme élusion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss the suggestion</source>
        <translation>Écarter la suggestion</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../qe_desktop/ui/coverage/analyses_tab.py" line="+66"/>
        <source>%1 demands in the analysed answers, %2 % fully answered.</source>
        <translation>%1 demandes dans les réponses analysées, dont %2 % entièrement répondues.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 answers are still to be analysed.</source>
        <translation>%1 réponses restent à analyser.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Demands fully answered, by ministry</source>
        <translation>Demandes entièrement répondues, par ministère</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demands fully answered, by year of answer</source>
        <translation>Demandes entièrement répondues, par année de réponse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>fully answered</source>
        <translation>entièrement répondues</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
</context>
<context>
    <name>CoverageUi</name>
    <message>
        <location filename="../../qe_desktop/ui/coverage/window_setup.py" line="+50"/>
        <source>Mark an Élusion</source>
        <translation>Relever une élusion</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/crash.py" line="+52"/>
        <source>qe-desktop ran into an error</source>
        <translation>qe-desktop a rencontré une erreur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An unexpected error occurred. What was already saved is safe; the action in progress may not have finished. The report below has been written to the log. Copy it to send it to whoever looks after qe-desktop.</source>
        <translation>Une erreur inattendue s&apos;est produite. Ce qui était déjà enregistré ne risque rien ; l&apos;action en cours n&apos;a peut-être pas abouti. Le rapport ci-dessous a été écrit dans le journal : copiez-le pour l&apos;envoyer à la personne qui s&apos;occupe de qe-desktop.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy the report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;logs folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
</context>
<context>
    <name>DueDateDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/dialogs.py" line="+147"/>
        <source>Due date</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>juin 2025, fin 2025, T3 2026, 30/06/2025…</source>
        <translation>juin 2025, fin 2025, T3 2026, 30/06/2025…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the due date as the answer says it; the date and precision follow</source>
        <translation>Tapez l&apos;échéance comme la réponse la formule ; la date et la précision suivent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due date, in words</source>
        <translation>Échéance, en toutes lettres</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No due date</source>
        <translation>Pas d&apos;échéance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due (in words)</source>
        <translation>Échéance (en mots)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due on</source>
        <translation>Échéance le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown as</source>
        <translation>Affichée comme</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not understood yet</source>
        <translation>Pas encore compris</translation>
    </message>
</context>
<context>
    <name>DueDates</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/due_dates.py" line="+53"/>
        <source>As a commitment (Ctrl+1): due %1</source>
        <translation>En engagement (Ctrl+1) : échéance %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Someone else changed this highlight meanwhile: look again.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié ce surlignage entre-temps : regardez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/analyses/duplicates_panel.py" line="+80"/>
        <source>Near-identical answers</source>
        <translation>Réponses quasi identiques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near-identical questions</source>
        <translation>Questions quasi identiques</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Struck through: only in %1.</source>
        <translation>Barré : seulement dans %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highlighted: only in the selected question.</source>
        <translation>Surligné : seulement dans la question sélectionnée.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1% alike</source>
        <translation>identiques à %1 %</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Open this question</source>
        <translation>Ouvrir cette question</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>identical</source>
        <translation>identique</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/export_dialog.py" line="+67"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+160"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Current question</source>
        <translation>Question affichée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected questions (%1)</source>
        <translation>Questions sélectionnées (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions in the current list (%1)</source>
        <translation>Questions de la liste actuelle (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole library (%1)</source>
        <translation>Toute la bibliothèque (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Format and options</source>
        <translation>Format et options</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title taken from the questions</source>
        <translation>Titre tiré des questions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the text of the questions</source>
        <translation>Inclure le texte des questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the annotated passages</source>
        <translation>Seulement les passages annotés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table of commitments</source>
        <translation>Tableau des engagements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Exporting %1</source>
        <translation>Exportation de %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export cancelled: no file written.</source>
        <translation>Exportation annulée : aucun fichier écrit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export finished</source>
        <translation>Exportation terminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File written:
%1</source>
        <translation>Fichier écrit :
%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qe_desktop/ui/filter_bar.py" line="+197"/>
        <source>Show only questions with this status (several allowed)</source>
        <translation>N&apos;afficher que les questions ayant ce statut (plusieurs choix possibles)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every filter</source>
        <translation>Retirer tous les filtres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both</source>
        <comment>any chamber</comment>
        <translation>Les deux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <comment>any legislature</comment>
        <translation>Toutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <comment>any ministry</comment>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <comment>any group</comment>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <comment>any author</comment>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <comment>any category</comment>
        <translation>Toutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <comment>any tag</comment>
        <translation>Toutes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only questions with notes or highlights</source>
        <translation>Seulement les questions annotées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete answers</source>
        <translation>Réponses incomplètes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answers leaving at least one demand not fully answered</source>
        <translation>Réponses laissant au moins une demande sans réponse complète</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chamber</source>
        <translation>Chambre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Legislature</source>
        <translation>Législature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published from</source>
        <translation>Publiée du</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters (%1)</source>
        <translation>Filtres (%1)</translation>
    </message>
</context>
<context>
    <name>FollowDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/veille/panel.py" line="+53"/>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Fabien Genet, santé, « eau potable »</source>
        <translation>ex. Fabien Genet, santé, « eau potable »</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow:</source>
        <translation>&amp;Suivre :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/dialogs.py" line="+33"/>
        <source>Follow-up written question</source>
        <translation>Question écrite de relance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A draft: read it and adapt it before tabling the question.</source>
        <translation>Un brouillon : relisez-le et adaptez-le avant de déposer la question.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Save the draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../qe_desktop/ui/help_menu.py" line="+14"/>
        <source>Open the &amp;logs folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/import_history_dialog.py" line="+32"/>
        <source>Import history</source>
        <translation>Historique des imports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>Nouvelles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>Mises à jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Inchangées</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Past imports</source>
        <translation>Imports passés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(interrupted)</source>
        <translation>(interrompu)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Failures of the selected import</source>
        <translation>Échecs de l&apos;import sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an import to see what was refused.</source>
        <translation>Choisissez un import pour voir ce qui a été refusé.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing was refused.</source>
        <translation>Rien n&apos;a été refusé.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import &amp;history…</source>
        <translation>&amp;Historique des imports…</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../qe_desktop/ui/labels.py" line="+14"/>
        <source>answered</source>
        <translation>répondue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lapsed</source>
        <translation>caduque</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>AN</source>
        <translation>AN</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Senate</source>
        <translation>Sénat</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>National Assembly</source>
        <translation>Assemblée nationale</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1th legislature</source>
        <translation>%1e législature</translation>
    </message>
</context>
<context>
    <name>LibraryFill</name>
    <message>
        <location filename="../../qe_desktop/ui/coverage/library_fill.py" line="+41"/>
        <source>Analysing the answers</source>
        <translation>Analyse des réponses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../qe_desktop/ui/library_model.py" line="+60"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chamber</source>
        <translation>Chambre</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay (d)</source>
        <translation>Délai (j)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Days between publication of the question and the answer</source>
        <translation>Nombre de jours entre la publication de la question et celle de la réponse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of annotations</source>
        <translation>Nombre d&apos;annotations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the question&apos;s demands the answer fully answers</source>
        <translation>Part des demandes de la question auxquelles la réponse répond entièrement</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../qe_desktop/ui/library_panel.py" line="+96"/>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searches titles, questions, answers and your notes (Ctrl+F). Accents and capitals do not matter; put a phrase in quotes to find it as is.</source>
        <translation>Cherche dans les titres, les questions, les réponses et vos notes (Ctrl+F). Accents et majuscules sont sans importance ; mettez une expression entre guillemets pour la trouver telle quelle.</translation>
    </message>
    <message numerus="yes">
        <location line="+155"/>
        <source>%Ln question(s) out of %1</source>
        <translation>
            <numerusform>%Ln question sur %1</numerusform>
            <numerusform>%Ln questions sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>more than %Ln question(s) out of %1</source>
        <translation>
            <numerusform>plus de %Ln question sur %1</numerusform>
            <numerusform>plus de %Ln questions sur %1</numerusform>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../qe_desktop/ui/main_window.py" line="+45"/>
        <source>Questions (*.txt *.html *.htm *.json *.xml *.zip);;All files (*)</source>
        <translation>Questions (*.txt *.html *.htm *.json *.xml *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Paste a question</source>
        <translation>&amp;Coller une question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the &amp;sample questions</source>
        <translation>Charger les questions d&apos;&amp;exemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;references…</source>
        <translation>P&amp;références…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch &amp;pane</source>
        <translation>Changer de &amp;volet</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Library: %1</source>
        <translation>Bibliothèque : %1</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>The new language will be used from the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Import questions</source>
        <translation>Importer des questions</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import failed</source>
        <translation>Échec de l&apos;importation</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Paste a question</source>
        <translation>Coller une question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/editors.py" line="+114"/>
        <source>Note (Markdown: **bold**, *italic*, - lists)</source>
        <translation>Note (Markdown : **gras**, *italique*, - listes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
</context>
<context>
    <name>QuestionNoteBox</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/question_note.py" line="+27"/>
        <source>Note on the question</source>
        <translation>Note sur la question</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free note, saved as you type</source>
        <translation>Note libre, enregistrée au fil de la frappe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard the draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unsaved draft found: it is not in the library yet.</source>
        <translation>Brouillon non enregistré retrouvé : il n&apos;est pas encore dans la bibliothèque.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved yet…</source>
        <translation>Pas encore enregistré…</translation>
    </message>
</context>
<context>
    <name>QuestionNoteSaver</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/note_saver.py" line="+81"/>
        <source>Their version was kept.</source>
        <translation>L&apos;autre version a été conservée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The note of %1 was not saved (%2): kept as a draft.</source>
        <translation>La note de %1 n&apos;a pas été enregistrée (%2) : gardée en brouillon.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
</context>
<context>
    <name>ReaderHeader</name>
    <message>
        <location filename="../../qe_desktop/ui/reader/header.py" line="+34"/>
        <source>current group: %1</source>
        <translation>groupe actuel : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Published %1</source>
        <translation>Publiée le %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>, p. %1</source>
        <translation>, p. %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>answered %1</source>
        <translation>réponse le %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late</source>
        <translation>hors délai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deadline %1</source>
        <translation>échéance le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Official page</source>
        <translation>Page officielle</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../../qe_desktop/ui/reader/reader_panel.py" line="+47"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a question in the list.</source>
        <translation>Sélectionnez une question dans la liste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The text of this question is not available.</source>
        <translation>Le texte de cette question n&apos;est pas disponible.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No answer: the question is closed.</source>
        <translation>Pas de réponse : la question est close.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No answer yet. The deadline (%1) has passed.</source>
        <translation>Pas encore de réponse. Le délai de réponse (%1) est dépassé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer yet. The minister has until %1 to answer.</source>
        <translation>Pas encore de réponse. Le ministre a jusqu&apos;au %1 pour répondre.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/settings_dialog.py" line="+46"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The new language is used from the next start.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage de l&apos;application.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signs your highlights, notes and status changes.</source>
        <translation>Signe vos surlignages, vos notes et vos changements de statut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/side_panel.py" line="+84"/>
        <location line="+227"/>
        <source>Select a highlight to edit its note and tags.</source>
        <translation>Sélectionnez un surlignage pour modifier sa note et ses étiquettes.</translation>
    </message>
    <message>
        <location line="-211"/>
        <source>Filter: quote, note, tag</source>
        <translation>Filtrer : citation, note, étiquette</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphans</source>
        <translation>Orphelines</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Selected highlight</source>
        <translation>Surlignage sélectionné</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The highlight is in the right place</source>
        <translation>Le surlignage est au bon endroit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reattach to the selection</source>
        <translation>Rattacher à la sélection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the passage in the question or the answer, then click here</source>
        <translation>Sélectionnez le passage dans la question ou la réponse, puis cliquez ici</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show in its version</source>
        <translation>Voir dans sa version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text this highlight was made on</source>
        <translation>Le texte sur lequel ce surlignage a été fait</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Due date…</source>
        <translation>Échéance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set or change the due date of this commitment</source>
        <translation>Fixer ou changer l&apos;échéance de cet engagement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+138"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Save the note and the tags (Ctrl+Return)</source>
        <translation>Enregistrer la note et les étiquettes (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n surlignage</numerusform>
            <numerusform>%n surlignages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n highlight(s)</source>
        <translation>
            <numerusform>%1 sur %n surlignage</numerusform>
            <numerusform>%1 sur %n surlignages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No highlight yet: select a passage of the question or the answer, then press Ctrl+1 to Ctrl+5 or click a category in the toolbar.</source>
        <translation>Aucun surlignage pour l&apos;instant : sélectionnez un passage de la question ou de la réponse, puis appuyez sur Ctrl+1 à Ctrl+5 ou cliquez sur une catégorie de la barre d&apos;outils.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unsaved draft restored: save it again.</source>
        <translation>Brouillon non enregistré restauré : enregistrez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>To check: the text changed</source>
        <translation>À vérifier : le texte a changé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before:</source>
        <translation>Avant :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now:</source>
        <translation>Maintenant :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Orphan: passage not found</source>
        <translation>Orpheline : passage introuvable</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no due date</source>
        <translation>sans échéance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/analyses/duplicates_panel.py" line="+93"/>
        <source>Identical (or near-identical) answer to %Ln other question(s)</source>
        <translation>
            <numerusform>Réponse identique (ou presque) à celle de %Ln autre question</numerusform>
            <numerusform>Réponse identique (ou presque) à celle de %Ln autres questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Same question (or nearly) as %Ln other question(s)</source>
        <translation>
            <numerusform>Même question (ou presque) que %Ln autre question</numerusform>
            <numerusform>Même question (ou presque) que %Ln autres questions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Related questions:</source>
        <translation>Questions proches :</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/commitments/dialogs.py" line="-190"/>
        <source>Commitment status</source>
        <translation>Statut de l&apos;engagement</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why: what was published, said or not done</source>
        <translation>Pourquoi : ce qui a été publié, dit ou n&apos;a pas été fait</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link, JO reference, document…</source>
        <translation>Lien, référence au JO, document…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message numerus="yes">
        <location filename="../../qe_desktop/ui/commitments/suggestions.py" line="+73"/>
        <source>%n suggested commitment(s) in the answer (dashed): right-click to accept or dismiss.</source>
        <translation>
            <numerusform>%n engagement suggéré dans la réponse (en pointillés) : clic droit pour accepter ou écarter.</numerusform>
            <numerusform>%n engagements suggérés dans la réponse (en pointillés) : clic droit pour accepter ou écarter.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Suggested commitment, due %1 (confidence %2 %)</source>
        <translation>Engagement suggéré, échéance %1 (confiance %2 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>firm</source>
        <translation>engagement ferme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hedged</source>
        <translation>engagement prudent (au conditionnel ou avec réserve)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept as a commitment</source>
        <translation>Accepter comme engagement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept with another due date…</source>
        <translation>Accepter avec une autre échéance…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss the suggestion</source>
        <translation>Écarter la suggestion</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Commitment recorded, due %1.</source>
        <translation>Engagement enregistré, échéance %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Suggestion dismissed: it will not be offered again.</source>
        <translation>Suggestion écartée : elle ne sera plus proposée.</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/editors.py" line="-81"/>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
</context>
<context>
    <name>TeamLibraryDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/team_dialog.py" line="+33"/>
        <source>Open a team library</source>
        <translation>Ouvrir une bibliothèque d&apos;équipe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>empty: ~/.pgpass, PGSERVICE or PGPASSWORD</source>
        <translation>vide : ~/.pgpass, PGSERVICE ou PGPASSWORD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port</source>
        <translation>&amp;Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password is used for this connection only, never saved.</source>
        <translation>Le mot de passe ne sert qu&apos;à cette connexion ; il n&apos;est jamais enregistré.</translation>
    </message>
</context>
<context>
    <name>TeamTools</name>
    <message>
        <location filename="../../qe_desktop/ui/team_tools.py" line="+51"/>
        <source>Open a &amp;team library…</source>
        <translation>Ouvrir une bibliothèque d&apos;é&amp;quipe…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ynchronize with the team library…</source>
        <translation>S&amp;ynchroniser avec la bibliothèque d&apos;équipe…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Rafraîchir</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Library refreshed.</source>
        <translation>Bibliothèque rafraîchie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The library cannot be reached: %1</source>
        <translation>La bibliothèque est injoignable : %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connecting to the team library…</source>
        <translation>Connexion à la bibliothèque d&apos;équipe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a team library</source>
        <translation>Ouvrir une bibliothèque d&apos;équipe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the library</source>
        <translation>Impossible d&apos;ouvrir la bibliothèque</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Synchronize with the team library</source>
        <translation>Synchroniser avec la bibliothèque d&apos;équipe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Synchronizing with the team library…</source>
        <translation>Synchronisation avec la bibliothèque d&apos;équipe…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Synchronization failed</source>
        <translation>Échec de la synchronisation</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+32"/>
        <source>Synchronization</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>Veille</name>
    <message>
        <location filename="../../qe_desktop/ui/veille/inbox_model.py" line="+23"/>
        <source>New question</source>
        <translation>Nouvelle question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New answer</source>
        <translation>Nouvelle réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue commitment</source>
        <translation>Engagement en retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline passed</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>New</source>
        <translation>Nouv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Your notes</source>
        <translation>Vos annotations</translation>
    </message>
</context>
<context>
    <name>VeillePanel</name>
    <message>
        <location filename="../../qe_desktop/ui/veille/panel.py" line="+18"/>
        <source>&amp;Update now</source>
        <translation>&amp;Mettre à jour</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark all as seen</source>
        <translation>Tout marquer comme vu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unseen only</source>
        <translation>Non vues seulement</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Follow…</source>
        <translation>&amp;Suivre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop following</source>
        <translation>Ne plus suivre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follows</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+110"/>
        <source>All news (%1 unseen)</source>
        <translation>Toutes les nouveautés (%1 non vues)</translation>
    </message>
    <message numerus="yes">
        <location line="-94"/>
        <source>%n unseen</source>
        <translation>
            <numerusform>%n non vue</numerusform>
            <numerusform>%n non vues</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Nothing is followed yet. Follow a question or its author from the Veille menu, or click Follow… to follow a ministry, a theme or a search.</source>
        <translation>Rien n&apos;est encore suivi. Suivez une question ou son auteur depuis le menu Veille, ou cliquez sur Suivre… pour suivre un ministère, un thème ou une recherche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing new left to read. Untick Unseen only to see the rest.</source>
        <translation>Plus rien de nouveau à lire. Décochez Non vues seulement pour voir le reste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No news yet. Update now looks for new questions and answers about what you follow.</source>
        <translation>Pas encore de nouveautés. Mettre à jour cherche les nouvelles questions et réponses sur ce que vous suivez.</translation>
    </message>
</context>
<context>
    <name>VeillePreferences</name>
    <message>
        <location filename="../../qe_desktop/ui/veille/preferences.py" line="+38"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the official sites (built in)</source>
        <translation>les sites officiels (intégré)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Update the news every:</source>
        <translation>&amp;Mettre à jour la veille toutes les :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources &amp;table:</source>
        <translation>&amp;Table des sources :</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Sources table</source>
        <translation>Table des sources</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>VeilleUi</name>
    <message>
        <location filename="../../qe_desktop/ui/veille/window_setup.py" line="+62"/>
        <source>News</source>
        <translation>Nouveautés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;News</source>
        <translation>&amp;Nouveautés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Update from the official sites</source>
        <translation>&amp;Mettre à jour depuis les sites officiels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow this &amp;question</source>
        <translation>Suivre cette &amp;question</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+201"/>
        <source>Follow the &amp;author</source>
        <translation>Suivre l&apos;&amp;auteur</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Unseen</source>
        <translation>Non vues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the questions with unseen news</source>
        <translation>Seulement les questions avec des nouveautés non vues</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Veille</source>
        <translation>&amp;Veille</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Asking the official sites…</source>
        <translation>Interrogation des sites officiels…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+63"/>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Updating from the official sites…</source>
        <translation>Mise à jour depuis les sites officiels…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Update failed</source>
        <translation>Échec de la mise à jour</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln new answer(s)</source>
        <translation>
            <numerusform>%Ln nouvelle réponse</numerusform>
            <numerusform>%Ln nouvelles réponses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln new question(s)</source>
        <translation>
            <numerusform>%Ln nouvelle question</numerusform>
            <numerusform>%Ln nouvelles questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n deadline(s) or commitment(s)</source>
        <translation>
            <numerusform>%n délai ou engagement</numerusform>
            <numerusform>%n délais ou engagements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for your follows</source>
        <translation>pour vos suivis</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Follow %1</source>
        <translation>Suivre %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Followed: %1</source>
        <translation>Suivi : %1</translation>
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/reader/versions.py" line="+170"/>
        <source>Struck through in red: only in the current text; in green: only in this one.</source>
        <translation>Barré en rouge : seulement dans le texte actuel ; en vert : seulement dans cette version.</translation>
    </message>
</context>
<context>
    <name>VersionsBar</name>
    <message>
        <location line="-89"/>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Version of %1</source>
        <translation>Version du %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n other version(s)</source>
        <translation>
            <numerusform>%n autre version</numerusform>
            <numerusform>%n autres versions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>earlier</source>
        <translation>antérieure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>refusée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version of %1 (%2, %3 characters)</source>
        <translation>Version du %1 (%2, %3 caractères)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A new version (%1 characters) was not applied: compare it first.</source>
        <translation>Une nouvelle version (%1 caractères) n&apos;a pas été appliquée : comparez-la d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>VersionsController</name>
    <message>
        <location line="+59"/>
        <location line="+9"/>
        <source>Version of %1</source>
        <translation>Version du %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The text this highlight was made on is not kept.</source>
        <translation>Le texte sur lequel ce surlignage a été fait n&apos;est pas conservé.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The version was not applied: %1</source>
        <translation>La version n&apos;a pas été appliquée : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new version is now the text shown.</source>
        <translation>La nouvelle version est maintenant le texte affiché.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The version was not rejected: %1</source>
        <translation>La version n&apos;a pas été refusée : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: the text shown stays as it was.</source>
        <translation>Refusée : le texte affiché reste tel quel.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../qe_desktop/ui/welcome.py" line="+18"/>
        <source>Welcome to qe-desktop</source>
        <translation>Bienvenue dans qe-desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library is empty. Import written questions (Sénat pages, Assemblée nationale open data) or start with the sample questions.</source>
        <translation>Votre bibliothèque est vide. Importez des questions écrites (pages du Sénat, données ouvertes de l&apos;Assemblée nationale) ou commencez par les questions d&apos;exemple.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a folder…</source>
        <translation>Importer un dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the sample questions</source>
        <translation>Charger les questions d&apos;exemple</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <location filename="../../qe_desktop/ui/window_extras.py" line="+38"/>
        <source>Import a &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import a folder of questions</source>
        <translation>Importer un dossier de questions</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>… and %1 more (see the details)</source>
        <translation>… et %1 de plus (voir les détails)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import report</source>
        <translation>Rapport d&apos;import</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+5"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Next pane (list, question, answer)</source>
        <translation>Volet suivant (liste, question, réponse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next field</source>
        <translation>Champ suivant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every command, from the keyboard:</source>
        <translation>Toutes les commandes, au clavier :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
</context>
</TS>
