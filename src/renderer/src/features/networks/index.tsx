export function NetworksView(): React.JSX.Element {
  return (
    <section aria-labelledby="networks-title">
      <h1 id="networks-title">My networks</h1>
      <p>Add the ASNs you work for to see their IXP connections and facilities.</p>
    </section>
  );
}
