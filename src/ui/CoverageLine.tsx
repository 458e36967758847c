import type { Coverage } from '../protocol/views.ts';

const outlets = (n: number) => `${n} other ${n === 1 ? 'outlet' : 'outlets'}`;

/** How many other outlets covered the article's story, and how many of them only through followed feeds. */
export function CoverageLine({ coverage }: { coverage?: Coverage }) {
  if (!coverage) return null;
  return (
    <p class="cl-muted cl-coverage" data-testid="coverage">
      {coverage.outlets === 0
        ? 'No other outlet in your store covered this story yet'
        : `${outlets(coverage.outlets)} covered this story · ${coverage.fromFeeds} of them from your feeds`}
    </p>
  );
}
