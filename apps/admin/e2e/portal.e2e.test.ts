// The portal against the real API: sign-in per role, menus and buttons by role, languages, session end, lists in the
// URL.
import { gql, tokenFor } from './support/api';
import { screenshot, signIn } from './support/browser';
import { usePortal } from './support/harness';

// Tests about signing in, signing out, the sign-in screen's language and the session's end take fresh tabs; the
// others reuse one sign-in per user (`signedInOnce`), after the sign-out tests (a sign-out ends the user's sessions).
const { api, tab, signedInOnce } = usePortal();

describe('sign-in', () => {
  it("paints the sign-in screen from the small entry, and loads the dashboard's code before 'sign in'", async () => {
    const { page, scripts } = await tab();
    const response = await page.goto('/');
    // The page names the entry, and beside it only small shared pieces (the bundler's runtime, the session and language
    // modules the entry shares with the portal's chunks): the sign-in screen is painted before the portal loads.
    const named = [...((await response?.text()) ?? '').matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
      (m) => m[1] as string,
    );
    expect(named[0]).toMatch(/^\/assets\/index-.*\.js$/);
    const besides = await Promise.all(
      named.slice(1).map(async (s) => (await (await fetch(api.url + s)).text()).length),
    );
    expect(besides.reduce((a, b) => a + b, 0)).toBeLessThan(4096);
    await page.locator('#email').waitFor();
    // While the screen is shown (nothing pressed yet), react-admin, the dashboard and its charts load.
    const firstScreen = [/\/AdminApp-/, /\/Dashboard-/, /\/DashboardCharts-/];
    const missing = () => firstScreen.filter((chunk) => !scripts.some((s) => chunk.test(s)));
    for (const until = Date.now() + 30000; missing().length > 0 && Date.now() < until;) await page.waitForTimeout(100);
    expect(missing()).toEqual([]);
    const loaded = scripts.length;
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) asked.push(String(request.postData()));
    });
    await page.locator('#email').fill('admin@demo.local');
    await page.locator('#password').fill('demo');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('dash-qualifications').waitFor({ timeout: 30000 });
    // None of that code is asked for again, and the dashboard is asked for once (at sign-in, beside the code).
    expect(scripts.slice(loaded).filter((s) => firstScreen.some((chunk) => chunk.test(s)))).toEqual([]);
    expect(asked.filter((body) => body.includes('query Dashboard'))).toHaveLength(1);
  });

  it('builds the portal out of sight while the password is checked, asking for nothing until it is right', async () => {
    const { page } = await tab();
    await page.goto('/');
    await page.locator('#email').waitFor();
    // The sign-in's own request is held on its way (the real API answers it once released).
    let release: () => void = () => undefined;
    await page.route('**/graphql', async (route) => {
      if (String(route.request().postData()).includes('mutation Login'))
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      await route.continue();
    });
    const asked: string[] = [];
    let schemaAsked = false;
    page.on('request', (request) => {
      if (!request.url().endsWith('/graphql')) return;
      asked.push(/(query|mutation)\s+(\w+)/.exec(String(request.postData()))?.[2] ?? '?');
      schemaAsked ||= String(request.postData()).includes('__schema');
    });
    const held = async (password: string) => {
      await page.locator('#email').fill('admin@demo.local');
      await page.locator('#password').fill(password);
      await page.locator('button[type=submit]').click();
      // The portal's app bar is built while the password is checked, out of sight; nothing else is asked for.
      await page.locator('header').waitFor({ state: 'attached' });
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await page.locator('#email').isVisible()).toBe(true);
      await page.waitForTimeout(300);
      expect(asked).toEqual(['Login']);
      asked.length = 0;
      release();
    };
    await held('not-the-password');
    await page.getByRole('alert').getByText('Wrong email or password').waitFor();
    // The portal built for it is gone, and it asked for nothing.
    expect(await page.locator('header').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(asked).toEqual([]);
    expect(await page.evaluate(() => window.location.hash)).not.toContain('login');
    await held('demo');
    await page.getByTestId('dash-qualifications').waitFor({ timeout: 30000 });
    expect(await page.locator('header').isVisible()).toBe(true);
    await page.getByRole('menuitem', { name: 'People' }).waitFor();
    expect(asked.filter((name) => name === 'Dashboard')).toHaveLength(1);
    // The filled dashboard took a handful of requests (the schema is the portal's own, built with it; no record is
    // looked up one by one): the dashboard, its two sales cards, notifications and the inbox.
    await page.waitForTimeout(500);
    expect(schemaAsked).toBe(false);
    expect(asked.length).toBeLessThanOrEqual(5);
    expect(asked.filter((name) => !['Dashboard', 'Notifications', 'MyInbox', '?'].includes(name))).toEqual([]);
  });

  it('refuses a wrong password and says so', async () => {
    const { page } = await tab();
    await page.goto('/');
    await page.locator('#email').fill('admin@demo.local');
    await page.locator('#password').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').getByText('Wrong email or password').waitFor();
  });
});

const MENUS: Record<string, { sees: string[]; misses: string[] }> = {
  'admin@demo.local': {
    sees: [
      'People',
      'Role models',
      'Delegations',
      'Bonus pools',
      'Audit log',
      'Users',
      'API tokens',
      'Company settings',
    ],
    misses: [],
  },
  'hr@demo.local': {
    sees: ['People', 'Role models', 'Qualification frameworks', 'Assessments'],
    misses: ['Users', 'Audit log', 'API tokens', 'Company settings'],
  },
  'leader@demo.local': {
    sees: ['Projects', 'Authority rules', 'Delegations', 'Bonus pools'],
    misses: ['Users', 'Audit log', 'Company settings'],
  },
  'viewer@demo.local': {
    sees: ['People', 'Projects', 'Delegations'],
    misses: ['Users', 'Audit log', 'API tokens', 'Company settings'],
  },
};

describe.each(Object.keys(MENUS))('%s', (email) => {
  it('signs in, sees the menu the role allows, and signs out', async () => {
    const { page } = await tab();
    await signIn(page, email);
    const menu = page.locator('.RaSidebar-fixed, .RaMenu-open, [class*=RaMenu]').first();
    for (const label of MENUS[email]!.sees)
      await menu.getByRole('menuitem', { name: label, exact: true }).waitFor({ timeout: 10000 });
    for (const label of MENUS[email]!.misses)
      expect(await menu.getByRole('menuitem', { name: label, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.locator('#email').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('ironTriangle.session'))).toBeNull();
  });
});

describe('buttons by role', () => {
  it('offers "Create" on people to the admin only', async () => {
    const admin = await signedInOnce('admin@demo.local');
    await admin.page.goto('/#/Person');
    await admin.page.getByRole('link', { name: 'Create' }).waitFor();

    const viewer = await signedInOnce('viewer@demo.local');
    await viewer.page.goto('/#/Person');
    await viewer.page
      .getByRole('heading', { name: 'People' })
      .or(viewer.page.getByText('No People yet.'))
      .first()
      .waitFor();
    // Create would sit in the list's toolbar beside Export, which renders with it.
    await viewer.page.locator('#main-content').getByRole('button', { name: 'Export' }).waitFor();
    expect(await viewer.page.getByRole('link', { name: 'Create' }).count()).toBe(0);
  });
});

describe('language', () => {
  it('follows a Chinese browser, switches to English and back, and renders Chinese glyphs', async () => {
    const { page } = await tab('zh-CN');
    await page.goto('/');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(page, 'sign-in-zh');
    await page.locator('#email').fill('leader@demo.local');
    await page.locator('#password').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('welcome').getByText('欢迎').waitFor();
    await page.getByRole('menuitem', { name: '转授权' }).waitFor();
    await page.getByRole('menuitem', { name: '奖金包' }).waitFor();
    await screenshot(page, 'dashboard-zh');
    await page
      .getByRole('button', { name: '语言' })
      .or(page.getByRole('button', { name: /简体中文/ }))
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Delegations' }).waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: 'Delegations' }).waitFor();
  });

  it('can be chosen on the sign-in screen', async () => {
    const { page } = await tab('en-US');
    await page.goto('/');
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: '登录' }).waitFor();
  });
});

describe('session end', () => {
  it('returns to sign-in when the token has expired', async () => {
    const { page } = await tab();
    await signIn(page, 'viewer@demo.local');
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('ironTriangle.session') ?? '{}');
      localStorage.setItem(
        'ironTriangle.session',
        JSON.stringify({ ...session, expiresAt: '2000-01-01T00:00:00.000Z' }),
      );
    });
    await page.reload();
    await page.locator('#email').waitFor();
  });

  it('returns to sign-in when the API says UNAUTHENTICATED', async () => {
    const { page } = await tab();
    await signIn(page, 'viewer@demo.local');
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('ironTriangle.session') ?? '{}');
      localStorage.setItem('ironTriangle.session', JSON.stringify({ ...session, token: 'forged' }));
    });
    await page.goto('/#/Person');
    await page.locator('#email').waitFor({ timeout: 20000 });
  });
});

describe('lists', () => {
  it('every record list loads its rows, none refused by the API; a stage probability is saved', async () => {
    const refused: string[] = [];
    const { page } = await signedInOnce('admin@demo.local', 'en-US', undefined, (p) =>
      p.on('response', (response) => {
        if (response.url().endsWith('/graphql') && response.status() >= 400) {
          refused.push(`${response.status()} ${response.request().postData()?.slice(0, 80) ?? ''}`);
        }
      }),
    );
    const resources = ['OrgUnit', 'Person', 'PositionAssignment', 'Customer', 'RoleModel', 'QualificationFramework'];
    resources.push('Assessment', 'StaffingRule', 'Project', 'TeamAppointment', 'AuthorityRule', 'DecisionBody');
    resources.push('Delegation', 'IncentivePool', 'AuditEntry');
    for (const resource of resources) {
      await page.goto(`/#/${resource}`);
      await page.locator('tbody tr').first().waitFor({ timeout: 20000 });
    }
    // The company settings, from the menu: one stage probability changed in percent, saved as a whole percent.
    type Probabilities = { companySettings: { version: number; stageProbabilities: { INTENT: number } } };
    const read = '{ companySettings { version stageProbabilities { INTENT } } }';
    const token = await tokenFor(api, 'admin@demo.local');
    const before = (await gql<Probabilities>(api, token, read)).companySettings;
    await page.getByRole('menuitem', { name: 'Company settings' }).click();
    const intent = page.getByTestId('settings-stageProbabilities.INTENT');
    await intent.waitFor();
    expect(await intent.inputValue()).toBe(String(before.stageProbabilities.INTENT));
    const next = before.stageProbabilities.INTENT === 35 ? 40 : 35;
    await intent.fill(`${next} %`);
    await page.getByTestId('settings-save').click();
    await page.locator('.MuiSnackbarContent-message', { hasText: 'Company settings saved' }).waitFor();
    const after = (await gql<Probabilities>(api, token, read)).companySettings;
    expect(after).toEqual({ version: before.version + 1, stageProbabilities: { INTENT: next } });
    expect(await intent.inputValue()).toBe(String(next));
    expect(refused).toEqual([]);
    // Back as it was, for the other files' forecasts.
    await gql(
      api,
      token,
      `mutation($p: Int!, $v: Int!) {
        updateCompanySettings(input: { stageProbabilities: { INTENT: $p } }, version: $v) { version } }`,
      { p: before.stageProbabilities.INTENT, v: after.version },
    );
  });

  it('keep the search in the URL', async () => {
    const { page } = await signedInOnce('admin@demo.local');
    await page.goto('/#/Person');
    await page.getByPlaceholder('Search').fill('zz-nobody');
    await page.waitForURL(/filter=.*zz-nobody/);
    await page.reload();
    expect(await page.getByPlaceholder('Search').inputValue()).toBe('zz-nobody');
  });
});

describe('editing', () => {
  it('refuses a stale save with the conflict explained, and keeps what was typed', async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const { allPeople } = await gql<{ allPeople: Array<{ id: string; version: number }> }>(
      api,
      token,
      '{ allPeople(perPage: 1, sortField: "id", sortOrder: "DESC") { id version } }',
    );
    const person = allPeople[0]!;
    const { page } = await signedInOnce('admin@demo.local');
    await page.goto(`/#/Person/${person.id}`);
    const phone = page.getByRole('textbox', { name: 'Phone' });
    await phone.waitFor();
    await gql(
      api,
      token,
      'mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, phone: "+86 21 0000 0001") { id } }',
      { id: person.id, v: person.version },
    );
    await phone.fill('+86 21 5555 0100');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(
        new RegExp(
          `Someone else changed Person ${person.id} since you opened it \\(you had version ` +
            `${person.version}, it is now at version ${person.version + 1}\\)`,
        ),
      )
      .waitFor();
    expect(page.url()).toMatch(new RegExp(`Person/${person.id}$`));
    expect(await phone.inputValue()).toBe('+86 21 5555 0100');
  });

  it('explains a stale save in Chinese, naming the record and both versions', async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const { allPeople } = await gql<{ allPeople: Array<{ id: string; version: number }> }>(
      api,
      token,
      '{ allPeople(perPage: 1, sortField: "id", sortOrder: "ASC") { id version } }',
    );
    const person = allPeople[0]!;
    const { page } = await signedInOnce('admin@demo.local', 'zh-CN');
    await page.goto(`/#/Person/${person.id}`);
    const phone = page.getByRole('textbox', { name: '电话' });
    await phone.waitFor();
    await gql(
      api,
      token,
      'mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, phone: "+86 21 0000 0002") { id } }',
      { id: person.id, v: person.version },
    );
    await phone.fill('+86 21 5555 0200');
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByText(
        `您打开人员 ${person.id} 后，他人已修改了它（您的版本为 ${person.version}，当前版本为 ${person.version + 1}）。请重新加载后再次修改。`,
      )
      .waitFor();
    await screenshot(page, 'stale-save-zh');
    expect(await phone.inputValue()).toBe('+86 21 5555 0200');
  });
});

describe('dates', () => {
  it('write the chosen date and time in Chinese beside the native picker, and save it as UTC', async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const { allPeople } = await gql<{ allPeople: Array<{ id: string }> }>(
      api,
      token,
      '{ allPeople(perPage: 1, sortField: "id", sortOrder: "ASC") { id } }',
    );
    const person = allPeople[0]!;
    const { page } = await signedInOnce('admin@demo.local', 'zh-CN');
    await page.goto(`/#/Person/${person.id}`);
    const hired = page.locator('input[type="datetime-local"]').first();
    await hired.waitFor();
    await hired.fill('2021-05-06T10:30');
    const text = page.getByTestId('instant-text').first();
    await text.getByText(/2021年5月6日/).waitFor();
    const offsetMinutes = await page.evaluate(() => new Date('2021-05-06T10:30').getTimezoneOffset());
    const utc = new Date(Date.UTC(2021, 4, 6, 10, 30) + offsetMinutes * 60000).toISOString();
    // The moment in UTC too, unless the browser's zone is UTC (then the local time is it).
    if (offsetMinutes !== 0) expect(await text.innerText()).toContain(`（UTC ${utc.slice(0, 16).replace('T', ' ')}）`);
    else expect(await text.innerText()).toBe('2021年5月6日周四 UTC 10:30');
    await screenshot(page, 'date-input-zh');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((url) => !url.hash.endsWith(`/Person/${person.id}`));
    const saved = await gql<{ Person: { hiredAt: string } }>(
      api,
      token,
      'query($id: ID!) { Person(id: $id) { hiredAt } }',
      { id: person.id },
    );
    expect(saved.Person.hiredAt).toBe(utc);
  });
});

describe('dashboard', () => {
  it('shows what needs attention, and charts that open the filtered lists, from one request', async () => {
    const asked: string[] = [];
    const { page } = await signedInOnce('admin@demo.local', 'en-US', undefined, (p) =>
      p.on('request', (request) => {
        const body = request.url().endsWith('/graphql') ? request.postData() : null;
        if (body) asked.push(String((JSON.parse(body) as { query?: string }).query ?? '').replace(/\s+/g, ' '));
      }),
    );
    for (const panel of ['dash-qualifications', 'dash-delegations', 'dash-pools', 'dash-decisions'])
      await page.getByTestId(panel).waitFor();
    for (const chart of ['chart-qualifications', 'chart-coverage', 'chart-pools', 'chart-decisions'])
      await page.getByTestId(chart).locator('svg').first().waitFor();
    await screenshot(page, 'dashboard-en');
    await page.getByTestId('chart-coverage').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-charts-en');
    // The dashboard's figures, cards and names come in one request; no list or record is read for it.
    expect(asked.filter((q) => /dashboard \{/.test(q))).toHaveLength(1);
    expect(
      asked.filter((q) => /\b(allAssessments|allDelegations|allIncentivePools|allDecisions|allPeople)\b/.test(q)),
    ).toEqual([]);
    // Words, not codes, on the axes and under the charts.
    const charts = await page.getByTestId('dash-charts').innerText();
    expect(charts).toContain('AR · Account Responsible');
    expect(charts).toContain('Grade I');
    expect(charts).not.toMatch(/\bALLOCATED\b|\bDRAFT\b/);
    // A status under the pools chart opens the pools in that status.
    const allocated = page.getByTestId('chart-pools').getByRole('link', { name: /^Allocated \(/ });
    await allocated.click();
    await page.waitForURL(/#\/IncentivePool\?/);
    await page.getByText('Metro line 9 signalling: team bonus 2026').first().waitFor();
    expect(decodeURIComponent(page.url())).toContain('"status":"ALLOCATED"');
  });

  it('in Chinese: the charts in words, a grade opening its projects', async () => {
    const { page } = await signedInOnce('leader@demo.local', 'zh-CN');
    for (const chart of ['chart-qualifications', 'chart-coverage', 'chart-pools', 'chart-decisions'])
      await page.getByTestId(chart).locator('svg').first().waitFor();
    const charts = await page.getByTestId('dash-charts').innerText();
    for (const words of ['各角色任职资格等级', '在途项目铁三角配置', '奖金包（按状态）', '每周决策', '客户经理'])
      expect(charts).toContain(words);
    await page.getByTestId('chart-coverage').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-charts-zh');
    await page.getByTestId('chart-coverage').getByRole('link').first().click();
    await page.waitForURL(/#\/Project\?/);
    expect(decodeURIComponent(page.url())).toMatch(/"grade":"I+"/);
  });
});

describe('administration', () => {
  it('creates an API token and shows its secret once', async () => {
    const { page } = await signedInOnce('admin@demo.local');
    await page.goto('/#/ApiToken/create');
    await page.getByRole('textbox', { name: 'Name' }).fill('CRM sync e2e');
    await page.getByLabel('Write projects').check();
    await page.getByRole('button', { name: 'Save' }).click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    expect((await secret.innerText()).length).toBeGreaterThan(16);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('cell', { name: 'CRM sync e2e' }).waitFor();
  });

  it('shows an audit entry with the record before and after', async () => {
    const token = await tokenFor(api, 'admin@demo.local');
    const { allPeople } = await gql<{ allPeople: Array<{ id: string; version: number }> }>(
      api,
      token,
      '{ allPeople(perPage: 1, sortField: "id", sortOrder: "ASC") { id version } }',
    );
    await gql(
      api,
      token,
      'mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, phone: "+86 10 8888 0000") { id } }',
      { id: allPeople[0]!.id, v: allPeople[0]!.version },
    );
    const { page } = await signedInOnce('admin@demo.local');
    await page.goto('/#/AuditEntry?filter=%7B%22entityType%22%3A%22Person%22%7D');
    await page
      // The action in words ("Changed"), not the audit code ("update").
      .getByRole('row', { name: /Changed/ })
      .first()
      .click();
    const changes = page.getByRole('table', { name: 'Changes' }).first();
    await changes.getByRole('cell', { name: '+86 10 8888 0000' }).waitFor();
    // Field names as the portal labels them.
    await changes.getByRole('cell', { name: 'Phone', exact: true }).waitFor();
    await screenshot(page, 'audit-before-after');
  });
});
