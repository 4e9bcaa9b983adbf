package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"strings"

	"github.com/alexedwards/argon2id"
	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// validateUser cleans a new user by their own rules (rolefit.NewUser.Clean)
// and checks their password against rolefit's password rules, and
// returns the user cleaned or every field at fault.
func validateUser(nu rolefit.NewUser) (rolefit.NewUser, error) {
	nu, fields := nu.Clean()
	if msg := checkPassword(nu.Password); msg != "" {
		fields["password"] = msg
	}
	if len(fields) > 0 {
		return nu, errs.InvalidFields("Please correct the highlighted fields.", fields)
	}
	return nu, nil
}

// insertUser validates, hashes and inserts a user inside tx.
func (s *Store) insertUser(tx *gorm.DB, orgID string, nu rolefit.NewUser) (*rolefit.User, error) {
	nu, err := validateUser(nu)
	if err != nil {
		return nil, err
	}
	hash, err := s.hashPassword(nu.Password)
	if err != nil {
		return nil, fmt.Errorf("hash password: %w", err)
	}
	now := s.now()
	u := &rolefit.User{ID: newID(), OrgID: orgID, Email: nu.Email, Name: nu.Name, Access: nu.Access,
		CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(&userRow{User: *u, PasswordHash: hash}).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			// Unique within the organisation only (migration 0004), so
			// this says nothing about other organisations.
			return nil, &errs.Error{Code: errs.CodeConflict, Message: "That e-mail address already has an account in your organisation.",
				Fields: map[string]string{"email": "already has an account in your organisation"}}
		}
		return nil, fmt.Errorf("create user: %w", err)
	}
	return u, nil
}

// CreateOrganisation creates an organisation and its first admin in one
// transaction: both or neither. demo marks an organisation of demo data.
func (s *Store) CreateOrganisation(ctx context.Context, name string, admin rolefit.NewUser, demo bool) (*rolefit.Organisation, *rolefit.User, error) {
	var org *rolefit.Organisation
	var user *rolefit.User
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		org, user, err = s.createOrganisation(tx, name, admin, demo)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return org, user, nil
}

// CreateUser adds a user to the organisation.
func (o *Scope) CreateUser(ctx context.Context, nu rolefit.NewUser, by rolefit.Actor) (*rolefit.User, error) {
	var u *rolefit.User
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if u, err = o.s.insertUser(tx, o.id, nu); err != nil {
			return err
		}
		return o.audit(tx, by, "create", "user", u.ID, u.Email+" as "+string(u.Access))
	})
	return u, err
}

// Users lists the organisation's users by name.
func (o *Scope) Users(ctx context.Context) ([]rolefit.User, error) {
	var us []rolefit.User
	if err := o.scope(o.s.reader(ctx)).Order("name, email").Find(&us).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return us, nil
}

// User returns one of the organisation's users.
func (o *Scope) User(ctx context.Context, id string) (*rolefit.User, error) {
	return o.user(o.s.reader(ctx), id)
}

func (o *Scope) user(db *gorm.DB, id string) (*rolefit.User, error) {
	return take[rolefit.User](o.scope(db).Where("id = ?", id), "user")
}

// countAdmins counts the organisation's admins inside tx.
func (o *Scope) countAdmins(tx *gorm.DB) (int64, error) {
	var n int64
	err := o.scope(tx.Model(&rolefit.User{})).Where("access = ?", rolefit.Admin).Count(&n).Error
	return n, err
}

// SetUserAccess changes a user's role. The last admin cannot be demoted, or
// nobody could manage the organisation any more.
func (o *Scope) SetUserAccess(ctx context.Context, id string, role rolefit.Access, by rolefit.Actor) error {
	if !role.Valid() {
		return errs.InvalidFields("Please choose a role.", map[string]string{"role": "must be admin or manager"})
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		u, err := o.user(tx, id)
		if err != nil {
			return err
		}
		if u.Access == role {
			return nil
		}
		if u.Access == rolefit.Admin {
			if n, err := o.countAdmins(tx); err != nil {
				return err
			} else if n <= 1 {
				return errs.Conflict("%s is the only admin; make someone else an admin first.", u.Name)
			}
		}
		if err := o.scope(tx.Model(&rolefit.User{})).Where("id = ?", id).
			Updates(map[string]any{"access": role, "updated_at": o.s.now()}).Error; err != nil {
			return fmt.Errorf("set access: %w", err)
		}
		return o.audit(tx, by, "change_access", "user", id, u.Email+" to "+string(role))
	})
}

// DeleteUser removes a user, their sessions and the API keys they made
// (revoked, so the list still shows them). The last admin cannot be
// removed.
func (o *Scope) DeleteUser(ctx context.Context, id string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		u, err := o.user(tx, id)
		if err != nil {
			return err
		}
		if u.Access == rolefit.Admin {
			if n, err := o.countAdmins(tx); err != nil {
				return err
			} else if n <= 1 {
				return errs.Conflict("%s is the only admin and cannot be removed.", u.Name)
			}
		}
		if err := o.revokeKeysOf(tx, id, u.Email, by); err != nil {
			return err
		}
		if err := o.scope(tx).Where("id = ?", id).Delete(&rolefit.User{}).Error; err != nil {
			return fmt.Errorf("delete user: %w", err)
		}
		return o.audit(tx, by, "delete", "user", id, u.Email)
	})
}

// ChangePassword sets a new password for a user after checking the
// current one, and ends the user's other sessions.
func (o *Scope) ChangePassword(ctx context.Context, id, current, next, keepSession string) error {
	if msg := checkPassword(next); msg != "" {
		return errs.InvalidFields("Please choose another password.", map[string]string{"new_password": msg})
	}
	u, err := take[userRow](o.scope(o.s.reader(ctx)).Where("id = ?", id), "user")
	if err != nil {
		return err
	}
	if ok, err := argon2id.ComparePasswordAndHash(current, u.PasswordHash); err != nil || !ok {
		return errs.InvalidFields("The current password is not right.", map[string]string{"current_password": "is not right"})
	}
	hash, err := o.s.hashPassword(next)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if err := o.scope(tx.Model(&rolefit.User{})).Where("id = ?", id).
			Updates(map[string]any{"password_hash": hash, "updated_at": o.s.now()}).Error; err != nil {
			return fmt.Errorf("set password: %w", err)
		}
		if err := tx.Where("user_id = ? AND id <> ?", id, HashToken(keepSession)).Delete(&Session{}).Error; err != nil {
			return fmt.Errorf("end other sessions: %w", err)
		}
		return o.audit(tx, rolefit.ActorOf(&u.User), "change_password", "user", id, "")
	})
}

// signInChecks is the least number of password hashes a sign-in
// compares, padding with a hash of nothing: an address may have accounts
// in several organisations, and a failed sign-in must take as long for an
// address with none, one or a few of them, or its timing would tell who
// has an account somewhere. Only an address with more accounts than this
// takes longer.
const signInChecks = 3

// SignIn returns the accounts with this e-mail address whose password is
// password: usually one; several when one person has accounts with the
// same password in several organisations, and the caller asks which one
// is meant. None is an unauthorized error, whether the address is unknown
// or the password wrong, in the same time (see signInChecks).
func (s *Store) SignIn(ctx context.Context, email, password string) ([]rolefit.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var us []userRow
	if err := s.reader(ctx).Where("email = ?", email).Order("created_at, id").Find(&us).Error; err != nil {
		return nil, fmt.Errorf("find user: %w", err)
	}
	var matched []rolefit.User
	for _, u := range us {
		ok, err := argon2id.ComparePasswordAndHash(password, u.PasswordHash)
		if err != nil {
			return nil, fmt.Errorf("check password: %w", err)
		}
		if ok {
			matched = append(matched, u.User)
		}
	}
	for i := len(us); i < signInChecks; i++ {
		s.dummyCompare(password)
	}
	if len(matched) == 0 {
		return nil, errs.Unauthorized("That e-mail address and password do not match an account.")
	}
	return matched, nil
}

// Authenticate returns the one user with this e-mail address and password,
// for callers that cannot ask which organisation is meant: when the
// password opens accounts in several, it is a conflict.
func (s *Store) Authenticate(ctx context.Context, email, password string) (*rolefit.User, error) {
	us, err := s.SignIn(ctx, email, password)
	if err != nil {
		return nil, err
	}
	if len(us) > 1 {
		return nil, errs.Conflict("That e-mail address and password open accounts in %d organisations; choose one.", len(us))
	}
	return &us[0], nil
}

// CountUsers counts all users of all organisations; zero means a new
// install that still needs its first admin.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	if err := s.reader(ctx).Model(&rolefit.User{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}
