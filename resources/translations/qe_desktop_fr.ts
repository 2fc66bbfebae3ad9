<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AllAnnotations</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/library_view.py" line="+43"/>
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
        <location line="+97"/>
        <source>All annotations</source>
        <translation>Toutes les annotations</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search quotes, notes and tags</source>
        <translation>Rechercher dans les citations, notes et étiquettes</translation>
    </message>
    <message>
        <location line="+56"/>
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
    <message>
        <location line="+25"/>
        <source>%1 annotation(s)</source>
        <translation>%1 annotation(s)</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/controller.py" line="+135"/>
        <source>Select a passage of the question or the answer first.</source>
        <translation>Sélectionnez d&apos;abord un passage de la question ou de la réponse.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+182"/>
        <source>Highlight as %1</source>
        <translation>Surligner comme « %1 »</translation>
    </message>
    <message>
        <location line="-167"/>
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
        <location line="+32"/>
        <location line="+67"/>
        <source>Their version was kept.</source>
        <translation>L&apos;autre version a été conservée.</translation>
    </message>
    <message>
        <location line="-61"/>
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
        <location line="+26"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This highlight has no place in the current text.</source>
        <translation>Ce surlignage n&apos;a plus de place dans le texte actuel.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Reattach «%1» here</source>
        <translation>Rattacher « %1 » ici</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit the note…</source>
        <translation>Modifier la note…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change category</source>
        <translation>Changer de catégorie</translation>
    </message>
    <message>
        <location line="+7"/>
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
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../qe_desktop/ui/application.py" line="+70"/>
        <source>Cannot open the library</source>
        <translation>Impossible d&apos;ouvrir la bibliothèque</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/categories_dialog.py" line="+27"/>
        <source>Highlight categories</source>
        <translation>Catégories de surlignage</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Colour</source>
        <translation>Couleur</translation>
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
    <name>FilterBar</name>
    <message>
        <location filename="../../qe_desktop/ui/filter_bar.py" line="+179"/>
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
        <source>Both chambers</source>
        <translation>Les deux chambres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All legislatures</source>
        <translation>Toutes les législatures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All ministries</source>
        <translation>Tous les ministères</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All groups</source>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All authors</source>
        <translation>Tous les auteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only questions with notes or highlights</source>
        <translation>Seulement les questions annotées</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+125"/>
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
    <name>Labels</name>
    <message>
        <location filename="../../qe_desktop/ui/labels.py" line="+22"/>
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
        <location line="+4"/>
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
    <name>LibraryModel</name>
    <message>
        <location filename="../../qe_desktop/ui/library_model.py" line="+38"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chamber</source>
        <translation>Chambre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+4"/>
        <source>Days between publication of the question and the answer</source>
        <translation>Nombre de jours entre la publication de la question et celle de la réponse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of annotations</source>
        <translation>Nombre d&apos;annotations</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../qe_desktop/ui/library_panel.py" line="+72"/>
        <source>Search titles, questions, answers, notes…</source>
        <translation>Rechercher dans les titres, questions, réponses, notes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accents and capitals do not matter. Put a phrase in quotes to find it as is.</source>
        <translation>Accents et majuscules sont sans importance. Mettez une expression entre guillemets pour la trouver telle quelle.</translation>
    </message>
    <message numerus="yes">
        <location line="+101"/>
        <source>%n question(s) out of %1</source>
        <translation>
            <numerusform>%n question sur %1</numerusform>
            <numerusform>%n questions sur %1</numerusform>
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
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qe_desktop/ui/main_window.py" line="+31"/>
        <source>Questions (*.txt *.html *.htm *.json *.xml *.zip);;All files (*)</source>
        <translation>Questions (*.txt *.html *.htm *.json *.xml *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+53"/>
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
        <location line="+9"/>
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
        <location line="+13"/>
        <source>Library: %1</source>
        <translation>Bibliothèque : %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The new language will be used from the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import questions</source>
        <translation>Importer des questions</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+8"/>
        <source>Import failed</source>
        <translation>Échec de l&apos;importation</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Paste a question</source>
        <translation>Coller une question</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import report</source>
        <translation>Rapport d&apos;importation</translation>
    </message>
</context>
<context>
    <name>MarkdownEdit</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/editors.py" line="+111"/>
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
    <name>ReaderHeader</name>
    <message>
        <location filename="../../qe_desktop/ui/reader/header.py" line="+37"/>
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
        <location filename="../../qe_desktop/ui/reader/reader_panel.py" line="+46"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location filename="../../qe_desktop/ui/annotations/side_panel.py" line="+71"/>
        <source>Note on the question</source>
        <translation>Note sur la question</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free note, saved as you type</source>
        <translation>Note libre, enregistrée au fil de la frappe</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location line="+24"/>
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
        <location line="+14"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the note and the tags (Ctrl+Return)</source>
        <translation>Enregistrer la note et les étiquettes (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 highlight(s)</source>
        <translation>%1 surlignage(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 highlight(s)</source>
        <translation>%1 surlignage(s) sur %2</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Not saved yet…</source>
        <translation>Pas encore enregistré…</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <location filename="../../qe_desktop/ui/annotations/editors.py" line="-80"/>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../qe_desktop/ui/welcome.py" line="+15"/>
        <source>Welcome to qe-desktop</source>
        <translation>Bienvenue dans qe-desktop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your library is empty. Import written questions (Sénat pages, Assemblée nationale open data) or start with the sample questions.</source>
        <translation>Votre bibliothèque est vide. Importez des questions écrites (pages du Sénat, données ouvertes de l&apos;Assemblée nationale) ou commencez par les questions d&apos;exemple.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the sample questions</source>
        <translation>Charger les questions d&apos;exemple</translation>
    </message>
</context>
</TS>
