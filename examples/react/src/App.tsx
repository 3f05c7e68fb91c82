import { useMemo, useState } from 'react';
import type { SegmentDocument } from 'segment-kit/core';
import { MemberPreview, SegmentBuilder } from 'segment-kit/react';
import { createSampleProvider } from 'segment-kit/sample';
import './app.css';

const START: SegmentDocument = {
  schemaVersion: 1,
  name: 'GoldInParis',
  displayName: 'Gold customers in Paris',
  audience: 'Customer',
  rules: [
    {
      where: {
        kind: 'group',
        combinator: 'and',
        children: [
          { kind: 'condition', entity: 'Customer', attribute: 'LoyaltyTier', operator: 'equals', value: 'Gold' },
          { kind: 'condition', entity: 'Customer', attribute: 'City', operator: 'equals', value: 'Paris' },
        ],
      },
    },
  ],
};

/** The builder controls the segment (React state); the preview follows it; a save is shown. */
export function App() {
  const provider = useMemo(() => createSampleProvider({ customers: 2000 }), []);
  const [segment, setSegment] = useState<SegmentDocument>(START);
  const [saved, setSaved] = useState<string>('not yet');
  return (
    <main className="page">
      <h1>{segment.displayName ?? segment.name}</h1>
      <SegmentBuilder
        provider={provider}
        segment={segment}
        onSegmentChange={(e) => setSegment(e.detail.segment)}
        onSegmentSaved={(e) => setSaved(`${e.detail.summary.displayName ?? e.detail.summary.name}, as "${e.detail.summary.id}"`)}
      />
      <h2>Members</h2>
      <MemberPreview provider={provider} segment={segment} limit={10} />
      <p>
        Saved: <output id="saved">{saved}</output>
      </p>
    </main>
  );
}
