export function SearchView(): React.JSX.Element {
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <p>Search networks, IXPs, facilities and organisations by name, ASN, IRR as-set, IP or prefix.</p>
    </section>
  );
}
