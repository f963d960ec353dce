export function CompareView(): React.JSX.Element {
  return (
    <section aria-labelledby="compare-title">
      <h1 id="compare-title">Compare</h1>
      <p>Pick two or more networks to see the IXPs and facilities they share.</p>
    </section>
  );
}
