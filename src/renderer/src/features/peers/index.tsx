export function PeersView(): React.JSX.Element {
  return (
    <section aria-labelledby="peers-title">
      <h1 id="peers-title">Peers</h1>
      <p>Add your networks first; potential peers at your IXPs show here.</p>
    </section>
  );
}
