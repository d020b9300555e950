// A small, fixed organisation for tests: HQ → two regions → an office each; one user per role.
import { DataSource } from 'typeorm';
import { hashPassword } from '../../src/platform/passwords';
import { OrgUnit } from '../../src/modules/org-unit/org-unit.entity';
import { Person } from '../../src/modules/person/person.entity';
import { User } from '../../src/modules/user/user.entity';
import { PositionAssignment } from '../../src/modules/position-assignment/position-assignment.entity';

export interface Fixture {
  password: string;
  units: { hq: number; east: number; west: number; eastOffice: number; westOffice: number };
  people: { leader: number; east1: number; west1: number };
  users: { admin: number; hr: number; leader: number; viewer: number };
  now: Date;
}

export async function seedFixture(dataSource: DataSource): Promise<Fixture> {
  const now = new Date();
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const em = dataSource.manager;
  const unit = async (code: string, kind: string, parentId: number | null) =>
    Number((await em.insert(OrgUnit, { name: `Unit ${code}`, code, kind, parentId, ...stamp })).identifiers[0]?.id);
  const hq = await unit('HQ', 'HQ', null);
  const east = await unit('EAST', 'REGION', hq);
  const west = await unit('WEST', 'REGION', hq);
  const eastOffice = await unit('EAST-1', 'REP_OFFICE', east);
  const westOffice = await unit('WEST-1', 'REP_OFFICE', west);
  const person = async (employeeNo: string, name: string, orgUnitId: number) =>
    Number(
      (
        await em.insert(Person, {
          employeeNo,
          name,
          orgUnitId,
          email: null,
          phone: null,
          hiredAt: null,
          archivedAt: null,
          ...stamp,
        })
      ).identifiers[0]?.id,
    );
  const leader = await person('E0001', 'Lena Leader', east);
  const east1 = await person('E0002', 'Eddie East', eastOffice);
  const west1 = await person('W0001', 'Wanda West', westOffice);
  await em.insert(PositionAssignment, {
    personId: leader,
    title: 'BUSINESS_DEPT_DIRECTOR',
    orgUnitId: east,
    validFrom: new Date(now.getTime() - 86400_000),
    validTo: null,
    ...stamp,
  });
  const password = 'test-password';
  const hash = await hashPassword(password, 1024);
  const user = async (role: string, personId: number | null) =>
    Number(
      (
        await em.insert(User, {
          email: `${role.toLowerCase()}@test.local`,
          passwordHash: hash,
          role,
          personId,
          lastLoginAt: null,
          archivedAt: null,
          ...stamp,
        })
      ).identifiers[0]?.id,
    );
  return {
    password,
    units: { hq, east, west, eastOffice, westOffice },
    people: { leader, east1, west1 },
    users: {
      admin: await user('ADMIN', null),
      hr: await user('HR', null),
      leader: await user('LEADER', leader),
      viewer: await user('VIEWER', null),
    },
    now,
  };
}
