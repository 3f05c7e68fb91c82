import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ProviderTask } from '../../../src/elements/shared/controllers/provider-task.js';
import { SegmentProviderError } from '../../../src/core/provider/types.js';

/** One call to the fake provider: its query and signal, and how to answer it. */
interface Call {
  query: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

/**
 * The fake provider (fault injection): every call waits until the test answers it, and it
 * ignores its signal on purpose, so the controller must drop late answers by itself.
 */
function fakeProvider() {
  const calls: Call[] = [];
  const fn = (query: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ query, signal, resolve, reject });
    });
  return { calls, fn };
}

let provider = fakeProvider();

class TaskHost extends LitElement {
  readonly task = new ProviderTask<[string], string>(this, {
    task: ([query], { signal }) => provider.fn(query, signal),
    delay: 30,
  });

  override render() {
    return html`<p class=${this.task.stale ? 'stale' : ''}>
      ${this.task.render({
        initial: () => 'initial',
        pending: (last) => `pending:${last ?? ''}`,
        complete: (value) => `complete:${value}`,
        error: (e, last) => `error:${e instanceof Error ? e.message : String(e)}:${last ?? ''}`,
        blocked: (last) => `blocked:${last ?? ''}`,
      })}
    </p>`;
  }
}
customElements.define('test-task-host', TaskHost);

class AutoHost extends LitElement {
  static override properties = { query: {} };
  query = 'a';
  readonly task = new ProviderTask<[string], string>(this, {
    task: ([query], { signal }) => provider.fn(query, signal),
    args: () => (this.query === '' ? undefined : [this.query]),
    delay: 0,
  });
  override render() {
    return html`<p>${this.task.value ?? ''}</p>`;
  }
}
customElements.define('test-task-auto', AutoHost);

const shown = async (el: TaskHost) => {
  await el.updateComplete;
  return (el.shadowRoot!.querySelector('p')!.textContent ?? '').trim();
};

beforeEach(() => {
  provider = fakeProvider();
});

describe('ProviderTask', () => {
  it('debounces: three quick runs make one call, for the last arguments; pending shows meanwhile', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    expect(await shown(el)).to.equal('initial');
    void el.task.run(['a']);
    void el.task.run(['ab']);
    const last = el.task.run(['abc']);
    expect(await shown(el)).to.equal('pending:');
    expect(el.task.status).to.equal('pending');
    await aTimeout(10);
    expect(provider.calls).to.have.length(0);
    await waitUntil(() => provider.calls.length === 1, 'the debounced call');
    expect(provider.calls[0]!.query).to.equal('abc');
    provider.calls[0]!.resolve('ABC');
    expect(await last).to.deep.equal({ status: 'complete', value: 'ABC' });
    expect(await shown(el)).to.equal('complete:ABC');
    expect(el.task.stale).to.equal(false);
  });

  it('runNow calls the provider before it returns, and a per-call delay overrides the debounce', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    void el.task.runNow(['now']);
    expect(provider.calls.map((c) => c.query)).to.deep.equal(['now']);
    void el.task.run(['soon'], { delay: 0 });
    expect(provider.calls[0]!.signal.aborted).to.equal(true);
    await aTimeout(5);
    expect(provider.calls.map((c) => c.query)).to.deep.equal(['now', 'soon']);
  });

  it('aborts the superseded call and drops its late answer, even from a provider that ignores the signal', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const first = el.task.runNow(['slow']);
    const second = el.task.runNow(['fast']);
    expect(provider.calls[0]!.signal.aborted).to.equal(true);
    expect(provider.calls[1]!.signal.aborted).to.equal(false);
    expect(await first).to.deep.equal({ status: 'dropped' });
    provider.calls[1]!.resolve('FAST');
    expect(await second).to.deep.equal({ status: 'complete', value: 'FAST' });
    provider.calls[0]!.resolve('SLOW'); // answers late anyway
    await aTimeout(10);
    expect(await shown(el)).to.equal('complete:FAST');
    expect(el.task.value).to.equal('FAST');
  });

  it('keeps the last good value while pending and after an error (stale); retry runs again', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    void el.task.runNow(['one']);
    provider.calls[0]!.resolve('ONE');
    await waitUntil(() => el.task.status === 'complete');
    void el.task.run(['two']);
    expect(await shown(el)).to.equal('pending:ONE');
    expect(el.shadowRoot!.querySelector('p')!.className).to.equal('stale');
    await waitUntil(() => provider.calls.length === 2, 'the second call');
    provider.calls[1]!.reject(new SegmentProviderError('unavailable', 'The warehouse is asleep'));
    await waitUntil(() => el.task.status === 'error');
    expect(await shown(el)).to.equal('error:The warehouse is asleep:ONE');
    expect(el.task.value).to.equal('ONE');
    expect(el.task.stale).to.equal(true);
    const retried = el.task.retry();
    expect(provider.calls.map((c) => c.query)).to.deep.equal(['one', 'two', 'two']);
    provider.calls[2]!.resolve('TWO');
    expect(await retried).to.deep.equal({ status: 'complete', value: 'TWO' });
    expect(await shown(el)).to.equal('complete:TWO');
    expect(el.task.error).to.equal(undefined);
  });

  it('a provider that throws synchronously gives the error state, never an exception', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    provider.fn = () => {
      throw new Error('sync throw');
    };
    const outcome = await el.task.runNow(['x']);
    expect(outcome.status).to.equal('error');
    expect(await shown(el)).to.equal('error:sync throw:');
  });

  it('a provider that aborts by itself is not an error', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const outcome = el.task.runNow(['x']);
    provider.calls[0]!.reject(new SegmentProviderError('aborted', 'The request was cancelled.'));
    expect(await outcome).to.deep.equal({ status: 'dropped' });
    expect(await shown(el)).to.equal('initial');
  });

  it('block(): no call is made, what was in flight is dropped, the last value stays (stale)', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    void el.task.runNow(['one']);
    provider.calls[0]!.resolve('ONE');
    await waitUntil(() => el.task.status === 'complete');
    void el.task.runNow(['two']);
    el.task.block();
    expect(provider.calls[1]!.signal.aborted).to.equal(true);
    provider.calls[1]!.resolve('TWO');
    void el.task.run(['never'], { delay: 0 });
    el.task.block();
    await aTimeout(20);
    expect(provider.calls).to.have.length(2);
    expect(await shown(el)).to.equal('blocked:ONE');
    expect(el.task.stale).to.equal(true);
  });

  it('aborts on disconnect and runs the interrupted call again on reconnect', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    void el.task.runNow(['q']);
    const parent = el.parentNode!;
    el.remove();
    expect(provider.calls[0]!.signal.aborted).to.equal(true);
    expect(el.task.status).to.equal('initial');
    provider.calls[0]!.resolve('LATE');
    await aTimeout(10);
    expect(el.task.value).to.equal(undefined);
    parent.appendChild(el);
    await waitUntil(() => provider.calls.length === 2, 'the call is made again');
    expect(provider.calls[1]!.query).to.equal('q');
    provider.calls[1]!.resolve('AGAIN');
    await waitUntil(() => el.task.status === 'complete');
    expect(await shown(el)).to.equal('complete:AGAIN');
    // a finished task is not run again by a reconnect
    el.remove();
    parent.appendChild(el);
    await aTimeout(20);
    expect(provider.calls).to.have.length(2);
  });

  it('a debounced call scheduled before a disconnect is not made while disconnected', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    void el.task.run(['later']);
    const parent = el.parentNode!;
    el.remove();
    await aTimeout(60);
    expect(provider.calls).to.have.length(0);
    parent.appendChild(el);
    await waitUntil(() => provider.calls.length === 1, 'made after the reconnect');
  });

  it('reset() forgets the value; abort() keeps it', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    void el.task.runNow(['one']);
    provider.calls[0]!.resolve('ONE');
    await waitUntil(() => el.task.status === 'complete');
    void el.task.runNow(['two']);
    el.task.abort();
    expect(provider.calls[1]!.signal.aborted).to.equal(true);
    expect(await shown(el)).to.equal('complete:ONE');
    el.task.reset();
    expect(await shown(el)).to.equal('initial');
    expect(el.task.value).to.equal(undefined);
    expect(await el.task.retry()).to.deep.equal({ status: 'dropped' });
  });

  it('with args(): runs when they change on a host update, not when they stay the same', async () => {
    const el = await fixture<AutoHost>(html`<test-task-auto></test-task-auto>`);
    await waitUntil(() => provider.calls.length === 1, 'the first automatic call');
    provider.calls[0]!.resolve('A');
    await waitUntil(() => el.task.value === 'A');
    el.requestUpdate();
    await el.updateComplete;
    await aTimeout(5);
    expect(provider.calls).to.have.length(1);
    el.query = 'b';
    await el.updateComplete;
    await waitUntil(() => provider.calls.length === 2, 'a call for the new args');
    expect(provider.calls[1]!.query).to.equal('b');
    el.query = '';
    await el.updateComplete;
    await aTimeout(5);
    expect(provider.calls).to.have.length(2);
  });
});
