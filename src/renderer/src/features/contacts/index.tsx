export function ContactsView(): React.JSX.Element {
  return (
    <section aria-labelledby="contacts-title">
      <h1 id="contacts-title">Contacts</h1>
      <p>Choose a selection to build a contact list to export.</p>
    </section>
  );
}
